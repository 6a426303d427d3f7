using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// A top-level element as the parser leaves it: a table of nodes in document order and the UTF-8 of every attribute
/// value and text, already checked, decoded (references, line ends, whitespace in values) and free of markup.
/// <see cref="XmppElement"/> makes its attributes and children from it when first asked, so the read loop only
/// checks and records, and strings are made for what someone reads (as System.Text.Json's JsonDocument does).
/// </summary>
internal sealed class ParsedStanza(StanzaNode[] nodes, byte[] utf8, string[] strings)
{
    /// <summary>Values at most this long are looked up among the common strings before a new one is made.</summary>
    private const int CommonValueBytes = 32;

    /// <summary>The nodes; the top-level element is node 0.</summary>
    public StanzaNode[] Nodes { get; } = nodes;

    /// <summary>The UTF-8 of attribute values and texts.</summary>
    public byte[] Utf8 { get; } = utf8;

    /// <summary>Names and namespace names by number (a parser's <see cref="StringTable"/> as it was).</summary>
    public string[] Strings { get; } = strings;

    /// <summary>
    /// The string of an attribute's value or a text node: a shared one for common values (<c>chat</c>, <c>en</c>) and
    /// recently seen short ASCII attribute values (JIDs), else a new one. Ids are unique, so they are never cached.
    /// </summary>
    public string Value(in StanzaNode node)
    {
        ReadOnlySpan<byte> utf8 = Utf8.AsSpan(node.A, node.B);
        if (!node.Ascii)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (utf8.Length <= ValueCache.MaxBytes)
        {
            if (utf8.IsEmpty)
            {
                return "";
            }

            int hash = Utf8Hash.Of(utf8);
            if (utf8.Length <= CommonValueBytes && XmlNameTable.FindCommon(utf8, hash) is { } common)
            {
                return common;
            }

            if (node.Kind == StanzaNodeKind.Attribute && Strings[node.Name] != "id")
            {
                return ValueCache.Shared.Get(utf8, hash, ascii: true);
            }
        }

        return Encoding.Latin1.GetString(utf8);
    }
}
