using System.Text;
using System.Xml;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// A canonical text form of a tree for comparisons: names with namespaces, attributes in order, adjacent text nodes
/// merged and empty ones dropped, every character shown unambiguously.
/// </summary>
internal static class Canonical
{
    public static string Of(XmppElement element)
    {
        var sb = new StringBuilder();
        Append(sb, element);
        return sb.ToString();
    }

    /// <summary>Builds our tree from an XmlReader positioned on an element (the reference parser's view).</summary>
    public static XmppElement FromXmlReader(XmlReader reader)
    {
        var root = NewElement(reader);
        if (reader.IsEmptyElement)
        {
            return root;
        }

        var open = new Stack<XmppElement>();
        open.Push(root);
        while (open.Count > 0 && reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    XmppElement child = NewElement(reader);
                    open.Peek().Add(child);
                    if (!reader.IsEmptyElement)
                    {
                        open.Push(child);
                    }

                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    open.Peek().AddText(reader.Value);
                    break;
            }
        }

        return root;
    }

    private static XmppElement NewElement(XmlReader reader)
    {
        var element = new XmppElement(reader.LocalName, reader.NamespaceURI);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                {
                    element.SetAttribute(reader.LocalName, reader.Value, reader.NamespaceURI);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    private static void Append(StringBuilder sb, XmppElement e)
    {
        sb.Append('{').Append(e.Namespace).Append('}').Append(e.Name);
        foreach (XmppAttribute a in e.Attributes)
        {
            sb.Append(" {").Append(a.Namespace).Append('}').Append(a.Name).Append("=\"").Append(Escape(a.Value)).Append('"');
        }

        sb.Append('(');
        var text = new StringBuilder();
        foreach (XmppNode child in e.Children)
        {
            if (child is XmppText t)
            {
                text.Append(t.Value);
                continue;
            }

            FlushText(sb, text);
            Append(sb, (XmppElement)child);
        }

        FlushText(sb, text);
        sb.Append(')');
    }

    private static void FlushText(StringBuilder sb, StringBuilder text)
    {
        if (text.Length > 0)
        {
            sb.Append('"').Append(Escape(text.ToString())).Append('"');
            text.Clear();
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
        {
            if (c is < ' ' or '"' or '\\' or > '~')
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
