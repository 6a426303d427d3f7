using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// A top-level element as the parser leaves it: a table of nodes in document order and the UTF-8 of every attribute
/// value and text, already checked, decoded (references, line ends, whitespace in values) and free of markup.
/// <see cref="XmppElement"/> makes its attributes and children from it when first asked, so the read loop only
/// checks and records, and strings are made for what someone reads (as System.Text.Json's JsonDocument does).
/// </summary>
internal sealed class ParsedStanza(StanzaNode[] nodes, byte[] utf8, string[] strings, int unread, StanzaBuffers buffers)
{
    /// <summary>Values at most this long are looked up among the common strings before a new one is made.</summary>
    private const int CommonValueBytes = 16;

    private int _unread = unread;

    /// <summary>The nodes; the top-level element is node 0 (the array may be longer than the stanza).</summary>
    public StanzaNode[] Nodes { get; } = nodes;

    /// <summary>The UTF-8 of attribute values and texts (the array may be longer).</summary>
    public byte[] Utf8 { get; } = utf8;

    /// <summary>Names and namespace names by number (a parser's <see cref="StringTable"/> as it was).</summary>
    public string[] Strings { get; } = strings;

    /// <summary>
    /// Called once by each element that has attributes or children, after it has read them: when the last has, the
    /// arrays go back to the parser for a later stanza (no element reads them again).
    /// </summary>
    public void ElementRead()
    {
        if (Interlocked.Decrement(ref _unread) == 0)
        {
            buffers.Return(Nodes, Utf8);
        }
    }

    /// <summary>
    /// The string of an attribute's value or a text node: a shared one for short common values (<c>chat</c>,
    /// <c>en</c>, <c>result</c>), else a new one.
    /// </summary>
    public string Value(in StanzaNode node)
    {
        ReadOnlySpan<byte> utf8 = Utf8.AsSpan(node.A, node.B);
        if (!node.Ascii)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (utf8.Length <= CommonValueBytes)
        {
            if (utf8.IsEmpty)
            {
                return "";
            }

            if (XmlNameTable.FindCommon(utf8, Utf8Hash.Of(utf8)) is { } common)
            {
                return common;
            }
        }

        return Encoding.Latin1.GetString(utf8);
    }
}
