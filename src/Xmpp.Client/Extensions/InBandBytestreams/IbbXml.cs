using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>The elements of XEP-0047.</summary>
internal static class IbbXml
{
    public const string Namespace = "http://jabber.org/protocol/ibb";

    /// <summary>The longest sid accepted (XEP-0047 gives none; a bound against memory).</summary>
    public const int MaxSidLength = 256;

    public static readonly XNamespace Ns = Namespace;
    public static readonly XName Open = Ns + "open";
    public static readonly XName Data = Ns + "data";
    public static readonly XName Close = Ns + "close";

    public static XElement OpenElement(string sid, int blockSize) =>
        new(Open, new XAttribute("block-size", blockSize.ToString(CultureInfo.InvariantCulture)), new XAttribute("sid", sid), new XAttribute("stanza", "iq"));

    public static XElement DataElement(string sid, ushort seq, ReadOnlySpan<byte> block) =>
        new(Data, new XAttribute("seq", seq.ToString(CultureInfo.InvariantCulture)), new XAttribute("sid", sid), Convert.ToBase64String(block));

    public static XElement CloseElement(string sid) => new(Close, new XAttribute("sid", sid));

    /// <summary>A sid as received, or <see langword="null"/> when missing, empty or too long.</summary>
    public static string? Sid(XElement element) =>
        (string?)element.Attribute("sid") is { Length: > 0 and <= MaxSidLength } sid ? sid : null;

    /// <summary>An unsigned 16-bit attribute (seq, block-size), or <see langword="null"/>.</summary>
    public static int? UShort(XElement element, string attribute) =>
        int.TryParse((string?)element.Attribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= ushort.MaxValue
            ? value
            : null;
}
