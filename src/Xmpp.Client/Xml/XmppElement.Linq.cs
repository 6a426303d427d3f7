using System.Xml.Linq;

namespace Xmpp.Client.Xml;

/// <summary>Conversion between the stream layer's tree and <see cref="XElement"/>, which users see.</summary>
internal sealed partial class XmppElement
{
    /// <summary>Copies this element and its descendants into a new <see cref="XElement"/>.</summary>
    /// <returns>An element whose names, attributes and text equal this one's; namespace declarations are left to LINQ to XML.</returns>
    public XElement ToXElement()
    {
        XElement root = NewXElement(this);
        var pending = new Stack<(XmppElement Source, XElement Target)>();
        pending.Push((this, root));
        while (pending.Count > 0)
        {
            (XmppElement source, XElement target) = pending.Pop();
            source.Load();
            if (source._text is { } lone)
            {
                target.Add(new XText(lone));
                continue;
            }

            foreach (XmppNode node in source.ChildSpan)
            {
                if (node is XmppText text)
                {
                    target.Add(new XText(text.Value));
                }
                else
                {
                    var child = (XmppElement)node;
                    XElement copy = NewXElement(child);
                    target.Add(copy);
                    pending.Push((child, copy));
                }
            }
        }

        return root;
    }

    /// <summary>Copies an <see cref="XElement"/> and its descendants into a new tree.</summary>
    /// <param name="e">The element to copy.</param>
    /// <returns>A tree with the same names, attributes (without namespace declarations) and text; CDATA becomes text,
    /// comments and processing instructions are left out.</returns>
    public static XmppElement FromXElement(XElement e)
    {
        ArgumentNullException.ThrowIfNull(e);
        XmppElement root = NewXmppElement(e);
        var pending = new Stack<(XElement Source, XmppElement Target)>();
        pending.Push((e, root));
        while (pending.Count > 0)
        {
            (XElement source, XmppElement target) = pending.Pop();
            foreach (XNode node in source.Nodes())
            {
                if (node is XText text)
                {
                    target.AddChild(new XmppText(text.Value));
                }
                else if (node is XElement element)
                {
                    XmppElement copy = NewXmppElement(element);
                    target.AddChild(copy);
                    pending.Push((element, copy));
                }
            }
        }

        return root;
    }

    /// <inheritdoc/>
    public override string ToString() => ToXElement().ToString(SaveOptions.DisableFormatting);

    private static XElement NewXElement(XmppElement source)
    {
        var element = new XElement(XName.Get(source.Name, source.Namespace));
        foreach (XmppAttribute a in source.AttributeSpan)
        {
            element.Add(new XAttribute(XName.Get(a.Name, a.Namespace), a.Value));
        }

        return element;
    }

    private static XmppElement NewXmppElement(XElement source)
    {
        var element = new XmppElement(source.Name.LocalName, source.Name.NamespaceName);
        foreach (XAttribute a in source.Attributes())
        {
            if (!a.IsNamespaceDeclaration)
            {
                element.SetAttribute(a.Name.LocalName, a.Value, a.Name.NamespaceName);
            }
        }

        return element;
    }
}
