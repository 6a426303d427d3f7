using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// An XML element as the stream layer reads and writes it: a local name and namespace name, attributes, and child
/// elements and text in document order. Prefixes and namespace declarations are not kept: the writer chooses them.
/// </summary>
/// <remarks>
/// Not thread-safe for changes; reading from several threads is safe (a parsed element reads its parts once, on first
/// use). Users see stanza payloads as <see cref="System.Xml.Linq.XElement"/> through <see cref="ToXElement"/>.
/// </remarks>
internal sealed partial class XmppElement : XmppNode
{
    private XmppAttribute[]? _attributes;
    private int _attributeCount;
    private XmppNode[]? _children;
    private int _childCount;
    private string? _text; // a parsed lone text child not made into a node yet (then there are no other children)

    /// <summary>Creates an element with no attributes and no children.</summary>
    /// <param name="name">The local name (no prefix).</param>
    /// <param name="ns">The namespace name; <c>""</c> for none.</param>
    public XmppElement(string name, string ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(ns);
        Name = name;
        Namespace = ns;
    }

    /// <summary>The local name.</summary>
    public string Name { get; }

    /// <summary>The namespace name; <c>""</c> for none.</summary>
    public string Namespace { get; }

    /// <summary>The attributes, without namespace declarations. A view: read it, do not keep it across changes.</summary>
    public IReadOnlyList<XmppAttribute> Attributes
    {
        get
        {
            Load();
            return Trimmed(ref _attributes, _attributeCount);
        }
    }

    /// <summary>The child elements and text nodes in document order. A view: read it, do not keep it across changes.</summary>
    public IReadOnlyList<XmppNode> Children
    {
        get
        {
            Load();
            MaterializeText();
            return Trimmed(ref _children, _childCount);
        }
    }

    /// <summary>The attributes without a copy or an enumerator (for the writer's loops).</summary>
    internal ReadOnlySpan<XmppAttribute> AttributeSpan
    {
        get
        {
            Load();
            return _attributes.AsSpan(0, _attributeCount);
        }
    }

    /// <summary>The children without a copy or an enumerator (for the writer's loops).</summary>
    internal ReadOnlySpan<XmppNode> ChildSpan
    {
        get
        {
            Load();
            MaterializeText();
            return _children.AsSpan(0, _childCount);
        }
    }

    /// <summary>The text when it is the only child, without making it a node; otherwise <see langword="null"/>.</summary>
    internal string? LoneText
    {
        get
        {
            Load();
            return Volatile.Read(ref _text) ?? (_childCount == 1 && _children![0] is XmppText t ? t.Value : null);
        }
    }

    /// <summary>The concatenated text of all descendant text nodes, in document order.</summary>
    public string Value
    {
        get
        {
            if (LoneText is { } only)
            {
                return only;
            }

            if (_children is null)
            {
                return "";
            }

            var text = new StringBuilder();
            AppendText(this, text);
            return text.ToString();
        }
    }

    /// <summary>Returns the value of an attribute, or <see langword="null"/> when the element has none of that name.</summary>
    /// <param name="name">The local name.</param>
    /// <param name="ns">The namespace name; <c>""</c> (the default) for an unprefixed attribute.</param>
    public string? GetAttribute(string name, string ns = "")
    {
        int index = IndexOfAttribute(name, ns);
        return index < 0 ? null : _attributes![index].Value;
    }

    /// <summary>Sets, replaces or (with a <see langword="null"/> value) removes an attribute.</summary>
    /// <param name="name">The local name.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove the attribute.</param>
    /// <param name="ns">The namespace name; <c>""</c> (the default) for an unprefixed attribute.</param>
    /// <returns>This element.</returns>
    public XmppElement SetAttribute(string name, string? value, string ns = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(ns);
        Load();
        int index = IndexOfAttribute(name, ns);
        if (value is null)
        {
            if (index >= 0)
            {
                _attributes.AsSpan(index + 1, _attributeCount - index - 1).CopyTo(_attributes.AsSpan(index));
                _attributes![--_attributeCount] = default;
            }
        }
        else if (index >= 0)
        {
            _attributes![index] = new XmppAttribute(name, ns, value);
        }
        else
        {
            Append(ref _attributes, ref _attributeCount, new XmppAttribute(name, ns, value));
        }

        return this;
    }

    /// <summary>Appends a child element or text node.</summary>
    /// <param name="child">A node that has no parent yet.</param>
    /// <returns>This element.</returns>
    /// <exception cref="InvalidOperationException">The node already has a parent, or is this element or one of its ancestors.</exception>
    public XmppElement Add(XmppNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Parent is not null)
        {
            throw new InvalidOperationException("The node already belongs to an element; add a copy of it instead.");
        }

        for (XmppElement? ancestor = this; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ReferenceEquals(ancestor, child))
            {
                throw new InvalidOperationException("An element cannot be added to itself or to one of its descendants.");
            }
        }

        AddChild(child);
        return this;
    }

    /// <summary>Appends a text node.</summary>
    /// <param name="text">The characters; the writer escapes them.</param>
    /// <returns>This element.</returns>
    public XmppElement AddText(string text)
    {
        AddChild(new XmppText(text));
        return this;
    }

    /// <summary>Returns the first child element with the given name and namespace, or <see langword="null"/>.</summary>
    /// <param name="name">The local name.</param>
    /// <param name="ns">The namespace name.</param>
    public XmppElement? Element(string name, string ns)
    {
        Load();
        for (int i = 0; i < _childCount; i++)
        {
            if (_children![i] is XmppElement e && e.Name == name && e.Namespace == ns)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>Returns the child elements in document order.</summary>
    public IEnumerable<XmppElement> Elements()
    {
        Load();
        return _text is null ? Children.OfType<XmppElement>() : [];
    }

    /// <summary>Returns the child elements with the given name and namespace, in document order.</summary>
    /// <param name="name">The local name.</param>
    /// <param name="ns">The namespace name.</param>
    public IEnumerable<XmppElement> Elements(string name, string ns) =>
        Elements().Where(e => e.Name == name && e.Namespace == ns);

    /// <summary>Appends a child without the checks of <see cref="Add"/>; the parser's nodes are always fresh.</summary>
    internal void AddChild(XmppNode child)
    {
        Load();
        MaterializeText();
        child.Parent = this;
        Append(ref _children, ref _childCount, child);
    }

    /// <summary>Turns a lone text kept as a string into a child node (the tree must look the same either way).</summary>
    private void MaterializeText()
    {
        if (_text is not null)
        {
            lock (this)
            {
                if (_text is { } text)
                {
                    _children = [new XmppText(text) { Parent = this }];
                    _childCount = 1;
                    Volatile.Write(ref _text, null);
                }
            }
        }
    }

    private int IndexOfAttribute(string name, string ns)
    {
        Load();
        for (int i = 0; i < _attributeCount; i++)
        {
            if (_attributes![i].Name == name && _attributes[i].Namespace == ns)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Append<T>(ref T[]? items, ref int count, T item)
    {
        if (items is null || count == items.Length)
        {
            Array.Resize(ref items, Math.Max(4, count * 2));
        }

        items[count++] = item;
    }

    /// <summary>The items as an exactly sized array (parsed trees already are; built ones are trimmed on first look).</summary>
    private static T[] Trimmed<T>(ref T[]? items, int count)
    {
        if (items is null)
        {
            return [];
        }

        if (items.Length != count)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }

    private static void AppendText(XmppElement root, StringBuilder text)
    {
        var pending = new Stack<IEnumerator<XmppNode>>();
        pending.Push(root.Children.GetEnumerator());
        while (pending.Count > 0)
        {
            IEnumerator<XmppNode> children = pending.Peek();
            if (!children.MoveNext())
            {
                pending.Pop().Dispose();
            }
            else if (children.Current is XmppText t)
            {
                text.Append(t.Value);
            }
            else if (children.Current is XmppElement { LoneText: { } lone })
            {
                text.Append(lone);
            }
            else
            {
                pending.Push(((XmppElement)children.Current).Children.GetEnumerator());
            }
        }
    }
}
