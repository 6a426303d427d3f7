using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.OutOfBand;

/// <summary>
/// Out of band data (XEP-0066, <c>&lt;x xmlns='jabber:x:oob'&gt;&lt;url/&gt;&lt;desc/&gt;&lt;/x&gt;</c>): a link to a file
/// or page that a message carries, such as the GET URL of an HTTP upload (XEP-0363). Read the links of a received
/// message with <see cref="OutOfBandMessages.GetOutOfBandData"/>; add one with <c>message.AddPayload(new OutOfBandData(url))</c>.
/// </summary>
/// <param name="Url">The link: an absolute URI.</param>
/// <param name="Description">A description of what the link points to (<c>&lt;desc/&gt;</c>), if any.</param>
public sealed record OutOfBandData(Uri Url, string? Description = null) : IXmppPayload<OutOfBandData>
{
    /// <summary>The namespace of XEP-0066 in messages, <c>jabber:x:oob</c>.</summary>
    public const string Namespace = "jabber:x:oob";

    /// <summary>The most characters of a URL read from a received element (longer ones are refused).</summary>
    public const int MaxUrlLength = 8192;

    private static readonly XNamespace Ns = Namespace;

    /// <summary>The payload's name: <c>&lt;x xmlns='jabber:x:oob'/&gt;</c>.</summary>
    public static XName ElementName { get; } = Ns + "x";

    /// <summary>The link: an absolute URI.</summary>
    public Uri Url { get; init; } = Url is { IsAbsoluteUri: true }
        ? Url
        : throw new ArgumentException("The out of band URL must be an absolute URI.", nameof(Url));

    /// <summary>Reads a <c>&lt;x xmlns='jabber:x:oob'/&gt;</c>.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The data.</returns>
    /// <exception cref="FormatException">The element is not XEP-0066 data, or its <c>&lt;url/&gt;</c> is missing, longer
    /// than <see cref="MaxUrlLength"/> characters or not an absolute URI.</exception>
    public static OutOfBandData FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return TryRead(element, out var error) ?? throw new FormatException(error);
    }

    /// <summary>Reads the element, or says why it cannot be read.</summary>
    internal static OutOfBandData? TryRead(XElement element, out string? error)
    {
        if (element.Name != ElementName)
        {
            error = $"Not out of band data: <{element.Name.LocalName} xmlns='{element.Name.NamespaceName}'/>.";
            return null;
        }

        var text = element.Element(Ns + "url")?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "The out of band data has no <url/>.";
            return null;
        }

        if (text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            error = $"The out of band URL '{Common.RemoteText.Quote(text)}' is not an absolute URI (of at most {MaxUrlLength} characters).";
            return null;
        }

        var description = element.Element(Ns + "desc")?.Value;
        error = null;
        return new OutOfBandData(url, string.IsNullOrEmpty(description) ? null : description);
    }

    /// <summary>Writes <c>&lt;x xmlns='jabber:x:oob'&gt;&lt;url&gt;…&lt;/url&gt;&lt;desc&gt;…&lt;/desc&gt;&lt;/x&gt;</c> (no desc when there is no description).</summary>
    public XElement ToXElement() =>
        new(ElementName, new XElement(Ns + "url", Url.AbsoluteUri), Description is null ? null : new XElement(Ns + "desc", Description));
}
