using System.Xml.Linq;

namespace Xmpp.Client.Extensions.VCards;

/// <summary>Names of vcard-temp (XEP-0054).</summary>
internal static class VCardXml
{
    public const string Namespace = "vcard-temp";

    /// <summary>At most this many EMAIL or TEL entries are read from one vCard.</summary>
    public const int MaxEntries = 64;

    public static readonly XNamespace Ns = Namespace;
    public static readonly XName VCardName = Ns + "vCard";

    /// <summary>The elements <see cref="VCard"/> models: replaced on writing, the others kept.</summary>
    public static readonly HashSet<XName> Known =
    [
        Ns + "FN", Ns + "N", Ns + "NICKNAME", Ns + "PHOTO", Ns + "EMAIL", Ns + "TEL", Ns + "URL", Ns + "BDAY",
        Ns + "ORG", Ns + "TITLE", Ns + "ROLE", Ns + "NOTE", Ns + "DESC", Ns + "JABBERID",
    ];

    /// <summary>The text of a child, or null when missing or empty.</summary>
    public static string? Text(XElement parent, string name) =>
        parent.Element(Ns + name)?.Value is { Length: > 0 } text ? text : null;

    public static XElement? Simple(string name, string? value) =>
        string.IsNullOrEmpty(value) ? null : new XElement(Ns + name, value);

    /// <summary>Decodes base64 that may be wrapped in lines (XEP-0153 §3.1.3); null when it is not base64.</summary>
    public static byte[]? DecodeBase64(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length / 4 * 3 + 3];
        return Convert.TryFromBase64String(compact, buffer, out var written) ? buffer[..written] : null;
    }
}
