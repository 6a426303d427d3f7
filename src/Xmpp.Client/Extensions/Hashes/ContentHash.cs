using System.Security.Cryptography;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Hashes;

/// <summary>
/// A hash of some content (XEP-0300 §3): <c>&lt;hash xmlns='urn:xmpp:hashes:2' algo='sha-256'&gt;base64&lt;/hash&gt;</c>.
/// Compute one with <see cref="ContentHasher"/>; compare with <see cref="Matches"/>.
/// </summary>
public sealed class ContentHash : IXmppPayload<ContentHash>
{
    /// <summary>The XEP-0300 namespace.</summary>
    public const string Namespace = "urn:xmpp:hashes:2";

    private readonly byte[] _value;

    /// <summary>Creates a hash.</summary>
    /// <param name="algorithm">The algorithm's IANA name, such as <see cref="HashAlgorithms.Sha256"/>.</param>
    /// <param name="value">The digest (copied).</param>
    /// <exception cref="ArgumentException">The algorithm is empty or the digest is empty.</exception>
    public ContentHash(string algorithm, ReadOnlySpan<byte> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(algorithm);
        if (value.IsEmpty)
        {
            throw new ArgumentException("A hash needs a digest.", nameof(value));
        }

        Algorithm = algorithm;
        _value = value.ToArray();
    }

    /// <summary>The element's name: <c>{urn:xmpp:hashes:2}hash</c>.</summary>
    public static XName ElementName { get; } = XName.Get("hash", Namespace);

    /// <summary>The algorithm's IANA name, such as <c>sha-256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The digest.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>Whether this library can check content against this hash (see <see cref="HashAlgorithms.CanVerify"/>).</summary>
    public bool CanVerify => HashAlgorithms.CanVerify(Algorithm) && _value.Length == HashAlgorithms.DigestLength(Algorithm);

    /// <summary>Whether <paramref name="other"/> is of the same algorithm and digest (compared in constant time).</summary>
    /// <param name="other">The other hash.</param>
    public bool Matches(ContentHash other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Algorithm == Algorithm && CryptographicOperations.FixedTimeEquals(other._value, _value);
    }

    /// <summary>Reads a <c>&lt;hash/&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="FormatException">No <c>algo</c>, or the content is not Base64 or empty.</exception>
    public static ContentHash FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var algorithm = (string?)element.Attribute("algo");
        if (string.IsNullOrEmpty(algorithm))
        {
            throw new FormatException("A <hash/> needs an 'algo' attribute (XEP-0300 §3).");
        }

        var digest = Convert.FromBase64String(element.Value.Trim());
        return digest.Length == 0 ? throw new FormatException("A <hash/> needs a Base64 digest.") : new ContentHash(algorithm, digest);
    }

    /// <inheritdoc/>
    public XElement ToXElement() => new(ElementName, new XAttribute("algo", Algorithm), Convert.ToBase64String(_value));

    /// <summary>The hash for logs: <c>sha-256:base64</c>.</summary>
    /// <returns>The algorithm and the Base64 digest.</returns>
    public override string ToString() => $"{Algorithm}:{Convert.ToBase64String(_value)}";
}
