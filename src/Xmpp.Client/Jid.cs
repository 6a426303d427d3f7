using Xmpp.Client.Internal;

namespace Xmpp.Client;

/// <summary>
/// An XMPP address (JID) as defined by RFC 7622: <c>[localpart@]domainpart[/resourcepart]</c>, validated and held in
/// its canonical (normalised) form, so that two JIDs naming the same entity are equal.
/// </summary>
/// <remarks>
/// <para>
/// Normalisation: the localpart is lower-cased and NFC-normalised (PRECIS UsernameCaseMapped); the domainpart loses a
/// final dot, is lower-cased and mapped by UTS #46 (kept in its Unicode form, IPv4 and bracketed IPv6 literals kept as
/// written, hex digits lower-cased); the resourcepart is NFC-normalised and keeps its case (PRECIS OpaqueString).
/// Each part is 1 to 1023 bytes in UTF-8. Equality and hashing compare the canonical text ordinally.
/// </para>
/// <para>
/// <c>default(Jid)</c> is the empty JID: <see cref="IsEmpty"/> is true, <see cref="ToString()"/> and
/// <see cref="Domain"/> return an empty string, <see cref="Local"/> and <see cref="Resource"/> return null, and it
/// equals only another empty JID. Parsing and the constructor never produce it.
/// </para>
/// <para>
/// Cost: a JID is a 16-byte value holding its canonical string and the offsets of its parts. <see cref="ToString()"/>,
/// equality and hashing never allocate; <see cref="Local"/>, <see cref="Resource"/> and (when other parts are present)
/// <see cref="Domain"/> return a new string on each call, so keep the result if you need it more than once.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// Jid jid = Jid.Parse("Juliet@Example.COM/balcony");
/// Console.WriteLine(jid);          // juliet@example.com/balcony
/// Console.WriteLine(jid.Local);    // juliet
/// Console.WriteLine(jid.Bare);     // juliet@example.com
///
/// Jid romeo = new Jid("romeo", "montague.example").WithResource("orchard");
/// bool same = romeo == Jid.Parse("ROMEO@montague.example./orchard"); // true
///
/// if (!Jid.TryParse(userInput, out Jid parsed)) { /* not an XMPP address */ }
/// </code>
/// </example>
public readonly partial struct Jid
{
    // Design: the struct keeps the whole canonical string plus two offsets instead of three part strings. Parsing a
    // JID that is already canonical then reuses the caller's string (no allocation at all), ToString() returns it,
    // equality is one ordinal string comparison, and the struct stays 16 bytes. The price is that Local, Resource and
    // Domain create their substring when asked; the SDK's hot paths (routing, comparing, writing addresses) use the
    // whole string or the internal spans instead.
    private readonly string? _value;
    private readonly int _localLength;   // Characters before '@'; 0 when there is no localpart (it is never empty).
    private readonly int _resourceStart; // Index just after '/'; 0 when there is no resourcepart.

    private Jid(string value, int localLength, int resourceStart)
    {
        _value = value;
        _localLength = localLength;
        _resourceStart = resourceStart;
    }

    /// <summary>
    /// Creates a JID from its parts, validating and normalising each one as <see cref="Parse(string)"/> does.
    /// </summary>
    /// <param name="local">The localpart (the user or room name), or null for a server or component JID. Characters
    /// RFC 7622 forbids here (<c>" &amp; ' / : &lt; &gt; @</c> and spaces) can be encoded first with
    /// <see cref="EscapeLocal(string)"/>.</param>
    /// <param name="domain">The domainpart: a domain name, an IPv4 address or a bracketed IPv6 address.</param>
    /// <param name="resource">The resourcepart, or null for a bare JID. It may contain '@' and '/'.</param>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is null.</exception>
    /// <exception cref="ArgumentException">A part is empty, too long or contains a character RFC 7622 does not
    /// allow there; the message says which and why.</exception>
    public Jid(string? local, string domain, string? resource = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        PreparedPart localPart = default;
        PreparedPart resourcePart = default;
        string? error;
        if (local is not null && (error = Localpart.Prepare(local, out localPart)) is not null)
        {
            throw new ArgumentException($"Invalid localpart: {error}.", nameof(local));
        }

        if ((error = Domainpart.Prepare(domain, out PreparedPart domainPart)) is not null)
        {
            throw new ArgumentException($"Invalid domainpart: {error}.", nameof(domain));
        }

        if (resource is not null && (error = Resourcepart.Prepare(resource, out resourcePart)) is not null)
        {
            throw new ArgumentException($"Invalid resourcepart: {error}.", nameof(resource));
        }

        bool domainOnly = local is null && resource is null && domainPart.IsSameAs(domain);
        this = Assemble(localPart, domainPart, resourcePart, domainOnly ? domain : null);
    }

    /// <summary>The localpart in canonical form, or null when the JID has none (a server or component).</summary>
    public string? Local => _localLength == 0 ? null : _value!.Substring(0, _localLength);

    /// <summary>The domainpart in canonical form; an empty string for <c>default(Jid)</c>.</summary>
    public string Domain =>
        _value is null ? string.Empty
        : _localLength == 0 && _resourceStart == 0 ? _value
        : DomainSpan.ToString();

    /// <summary>The resourcepart (case kept, NFC), or null when the JID is bare.</summary>
    public string? Resource => _resourceStart == 0 ? null : _value!.Substring(_resourceStart);

    /// <summary>True when the JID has no resourcepart (also true for <c>default(Jid)</c>).</summary>
    public bool IsBare => _resourceStart == 0;

    /// <summary>True for <c>default(Jid)</c>, the empty value that parsing never produces.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>
    /// This JID without its resourcepart (<c>local@domain</c> or <c>domain</c>); the JID itself when it is already
    /// bare.
    /// </summary>
    public Jid Bare => _resourceStart == 0 ? this : new Jid(_value!.Substring(0, _resourceStart - 1), _localLength, 0);

    /// <summary>The localpart characters; empty when there is none.</summary>
    internal ReadOnlySpan<char> LocalSpan => _value.AsSpan(0, _localLength);

    /// <summary>The domainpart characters; empty for <c>default(Jid)</c>.</summary>
    internal ReadOnlySpan<char> DomainSpan
    {
        get
        {
            if (_value is null)
            {
                return default;
            }

            int start = _localLength == 0 ? 0 : _localLength + 1;
            int end = _resourceStart == 0 ? _value.Length : _resourceStart - 1;
            return _value.AsSpan(start, end - start);
        }
    }

    /// <summary>Returns the JID with the same localpart and domainpart and the given resourcepart.</summary>
    /// <param name="resource">The new resourcepart, validated and normalised like the one of a parsed JID.</param>
    /// <returns>A full JID <c>local@domain/resource</c> (or <c>domain/resource</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is null (use <see cref="Bare"/> to drop
    /// the resource).</exception>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is empty, too long or has a control
    /// character.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(Jid)</c>, which has no domainpart.</exception>
    public Jid WithResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_value is null)
        {
            throw new InvalidOperationException("default(Jid) has no domainpart; parse or construct a JID first.");
        }

        string? error = Resourcepart.Prepare(resource, out PreparedPart resourcePart);
        if (error is not null)
        {
            throw new ArgumentException($"Invalid resourcepart: {error}.", nameof(resource));
        }

        return Assemble(new PreparedPart(LocalSpan), new PreparedPart(DomainSpan), resourcePart, null);
    }

    /// <summary>The canonical text of the JID (<c>local@domain/resource</c>); empty for <c>default(Jid)</c>.</summary>
    /// <returns>The stored canonical string; no allocation.</returns>
    public override string ToString() => _value ?? string.Empty;
}
