using System.Xml;
using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

/// <summary>Parses what <see cref="ElementFramer"/> cut, in the scope of the client's stream header.</summary>
internal static class StanzaParser
{
    private const string Open = "<stream:stream xmlns='jabber:client' xmlns:stream='" + Ns.Streams + "'>";
    private const string Close = "</stream:stream>";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
    };

    /// <summary>A top-level element, as if inside a <c>jabber:client</c> stream.</summary>
    /// <exception cref="XmlException">Not well-formed.</exception>
    public static XElement ParseElement(string text)
    {
        using var reader = XmlReader.Create(new StringReader(Open + text + Close), Settings);
        var root = XElement.Load(reader);
        return root.Elements().Single();
    }

    /// <summary>The attributes of a stream header (its start tag, closed on the spot).</summary>
    /// <exception cref="XmlException">Not well-formed.</exception>
    public static XElement ParseHeader(string startTag)
    {
        using var reader = XmlReader.Create(new StringReader(startTag[..^1] + "/>"), Settings);
        return XElement.Load(reader);
    }

    /// <summary>The element as sent on the wire.</summary>
    public static string Serialize(XElement element) => element.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
}
