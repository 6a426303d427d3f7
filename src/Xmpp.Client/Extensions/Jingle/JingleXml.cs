using System.Globalization;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>The elements of Jingle (XEP-0166), its file transfer (XEP-0234) and its IBB transport (XEP-0261).</summary>
internal static class JingleXml
{
    public const string Namespace = "urn:xmpp:jingle:1";
    public const string ErrorsNamespace = "urn:xmpp:jingle:errors:1";
    public const string FileTransferNamespace = "urn:xmpp:jingle:apps:file-transfer:5";
    public const string IbbTransportNamespace = "urn:xmpp:jingle:transports:ibb:1";

    /// <summary>The name of the one content of a file offer.</summary>
    public const string ContentName = "a-file-offer";

    public static readonly XNamespace Ns = Namespace;
    public static readonly XNamespace FileNs = FileTransferNamespace;
    public static readonly XNamespace IbbNs = IbbTransportNamespace;
    public static readonly XName Jingle = Ns + "jingle";
    public static readonly XName UnknownSession = XName.Get("unknown-session", ErrorsNamespace);
    public static readonly XName OutOfOrder = XName.Get("out-of-order", ErrorsNamespace);
    public static readonly XName UnsupportedInfo = XName.Get("unsupported-info", ErrorsNamespace);

    public static XElement Element(string action, string sid, params object[] content) =>
        new(Jingle, new XAttribute("action", action), new XAttribute("sid", sid), content);

    /// <summary>The content of a file offer: its description and IBB transport.</summary>
    public static XElement Content(FileDescription file, string transportSid, int blockSize) =>
        new(Ns + "content",
            new XAttribute("creator", "initiator"),
            new XAttribute("name", ContentName),
            new XAttribute("senders", "initiator"),
            new XElement(FileNs + "description", file.ToXElement()),
            new XElement(IbbNs + "transport", new XAttribute("block-size", blockSize.ToString(CultureInfo.InvariantCulture)), new XAttribute("sid", transportSid)));

    public static XElement Reason(JingleReason reason, string? text) =>
        new(Ns + "reason", new XElement(Ns + JingleReasons.ToName(reason)), text is null ? null : new XElement(Ns + "text", text));

    /// <summary>The reason of a session-terminate, <see cref="JingleReason.Unknown"/> when none is given.</summary>
    public static (JingleReason Reason, string? Text) ReasonOf(XElement jingle)
    {
        var reason = jingle.Element(Ns + "reason");
        var condition = reason?.Elements().FirstOrDefault(child => child.Name.Namespace == Ns && child.Name.LocalName != "text");
        var text = (string?)reason?.Element(Ns + "text");
        return (JingleReasons.FromName(condition?.Name.LocalName), text is { Length: > 256 } ? text[..256] : text);
    }

    /// <summary>The checksum session-info of XEP-0234 §8.1.</summary>
    public static XElement Checksum(Hashes.ContentHash hash) =>
        new(FileNs + "checksum", new XAttribute("creator", "initiator"), new XAttribute("name", ContentName), new XElement(FileNs + "file", hash.ToXElement()));
}
