using System.Runtime.CompilerServices;
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
    private const int Loaded = 0;
    private const int Unread = 1;
    private const int Reading = 2;

    private XmppAttribute[]? _attributes;
    private int _attributeCount;
    private XmppNode[]? _children;
    private int _childCount;
    private string? _text; // a parsed lone text child not made into a node yet (then there are no other children)

    // A parsed element reads its attributes and children from its stanza's node table when first asked (Load: one
    // thread reads, others wait for it, so that all see the same child nodes), then forgets the stanza.
    private ParsedStanza? _source;
    private readonly int _node;
    private int _load;

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

    /// <summary>An element of a parsed stanza: its attributes and children are read from the node table when first asked.</summary>
    /// <param name="source">The stanza.</param>
    /// <param name="node">The element's node.</param>
    internal XmppElement(ParsedStanza source, int node)
    {
        ref readonly StanzaNode n = ref source.Nodes[node];
        Name = source.Strings[n.Name];
        Namespace = source.Strings[n.Namespace];
        _node = node;
        if (n.End > node + 1)
        {
            _source = source;
            _load = Unread;
        }
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

    /// <summary>Reads the attributes and children from the parsed stanza if that is still to do.</summary>
    private void Load()
    {
        if (Volatile.Read(ref _load) != Loaded)
        {
            LoadOnce();
        }
    }

    /// <summary>
    /// One thread reads the attributes and children (child elements are made, reading nothing of theirs yet; texts
    /// are decoded; a lone text child stays a string until someone asks for the nodes); any other waits for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LoadOnce()
    {
        if (Interlocked.CompareExchange(ref _load, Reading, Unread) != Unread)
        {
            var wait = new SpinWait();
            while (Volatile.Read(ref _load) != Loaded)
            {
                wait.SpinOnce();
            }

            return;
        }

        try
        {
            ParsedStanza source = _source!;
            ReadAttributes(source);
            ReadChildren(source);
            _source = null;
            Volatile.Write(ref _load, Loaded);
            source.ElementRead();
        }
        catch
        {
            Volatile.Write(ref _load, Unread);
            throw;
        }
    }

    private void ReadAttributes(ParsedStanza source)
    {
        StanzaNode[] nodes = source.Nodes;
        int count = nodes[_node].AttributeCount;
        if (count == 0)
        {
            return;
        }

        var attributes = new XmppAttribute[count];
        for (int k = 0; k < count; k++)
        {
            ref readonly StanzaNode a = ref nodes[_node + 1 + k];
            attributes[k] = new XmppAttribute(source.Strings[a.Name], source.Strings[a.Namespace], source.Value(a));
        }

        _attributes = attributes;
        _attributeCount = count;
    }

    private void ReadChildren(ParsedStanza source)
    {
        StanzaNode[] nodes = source.Nodes;
        int first = _node + 1 + nodes[_node].AttributeCount;
        int end = nodes[_node].End;
        if (first == end)
        {
            return;
        }

        if (nodes[first].Kind == StanzaNodeKind.Text && first + 1 == end)
        {
            _text = source.Value(nodes[first]);
            return;
        }

        int count = 0;
        for (int k = first; k < end; k = nodes[k].Kind == StanzaNodeKind.Element ? nodes[k].End : k + 1)
        {
            count++;
        }

        var children = new XmppNode[count];
        int n = 0;
        for (int k = first; k < end; k = nodes[k].Kind == StanzaNodeKind.Element ? nodes[k].End : k + 1)
        {
            children[n++] = nodes[k].Kind == StanzaNodeKind.Element
                ? new XmppElement(source, k) { Parent = this }
                : new XmppText(source.Value(nodes[k])) { Parent = this };
        }

        _children = children;
        _childCount = count;
    }
}
