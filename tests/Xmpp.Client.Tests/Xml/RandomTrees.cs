using System.Text;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Xml;

/// <summary>Generates random well-formed element trees: random names, namespaces, attributes and awkward text.</summary>
/// <param name="seed">Makes the sequence repeatable.</param>
/// <param name="fifthEditionNames">
/// Whether names may use characters only XML 1.0 fifth edition allows (U+10000, U+0238); System.Xml still applies the
/// older rules and rejects them.
/// </param>
internal sealed class RandomTrees(int seed, bool fifthEditionNames = true)
{
    private static readonly string[] ClassicNameStarts = ["a", "b", "z", "Q", "_", "é", "Ω", "名"];
    private static readonly string[] NameStarts = [.. ClassicNameStarts, "\U00010000", "ȸ"];
    private static readonly string[] NameChars = ["a", "x", "-", ".", "0", "9", "·", "\u0300", "ß", "q"];
    private static readonly string[] Namespaces =
        ["jabber:client", "jabber:client", "", "urn:a", "urn:b", "http://example.com/x?a=1&b=<2>\"'", "urn:ünï", "urn:😀"];

    private static readonly string[] AttributeNamespaces = ["", "", "", "urn:a", "urn:attr", "http://e/&<\"", XmlNamespaces.Xml];
    private static readonly string[] TextPieces =
    [
        "hello", " ", "  ", "\n", "\t", "\r", "\r\n", "&", "<", ">", "]]>", "]]", "]", "\"", "'", "é", "世界", "😀", "\U00010000",
        "\U0010FFFD", "\uFFFD", "\uE000", "\u0085", "\u007F", "&amp;", "&#x20;", "<![CDATA[", "x",
    ];

    private readonly Random _random = new(seed);

    public XmppElement Next(int maxDepth = 5)
    {
        XmppElement root = NewElement();
        var pending = new Stack<(XmppElement Element, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            (XmppElement element, int depth) = pending.Pop();
            int children = depth >= maxDepth ? 0 : _random.Next(5);
            for (int i = 0; i < children; i++)
            {
                if (_random.Next(3) == 0)
                {
                    element.AddText(Text());
                }
                else
                {
                    XmppElement child = NewElement();
                    element.Add(child);
                    pending.Push((child, depth + 1));
                }
            }
        }

        return root;
    }

    private XmppElement NewElement()
    {
        var element = new XmppElement(Name(), Pick(Namespaces));
        int attributes = _random.Next(4);
        for (int i = 0; i < attributes; i++)
        {
            element.SetAttribute(Name(), _random.Next(4) == 0 ? "" : Text(), Pick(AttributeNamespaces));
        }

        return element;
    }

    private string Name()
    {
        string[] starts = fifthEditionNames ? NameStarts : ClassicNameStarts;
        var sb = new StringBuilder(Pick(starts));
        int length = _random.Next(6);
        for (int i = 0; i < length; i++)
        {
            sb.Append(Pick(_random.Next(2) == 0 ? starts : NameChars));
        }

        return sb.ToString();
    }

    private string Text()
    {
        var sb = new StringBuilder();
        int pieces = 1 + _random.Next(6);
        for (int i = 0; i < pieces; i++)
        {
            sb.Append(Pick(TextPieces));
        }

        return sb.ToString();
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
