namespace Xmpp.Client.Xml;

/// <summary>
/// Writes one element tree without recursion. Tracks the default namespace and the prefixes it declared for
/// namespaced attributes, so each namespace is declared once, where it first appears.
/// </summary>
internal sealed class TreeWriter
{
    [ThreadStatic]
    private static TreeWriter? t_cached;

    private readonly List<(string Prefix, string Namespace)> _prefixes = [];
    private readonly Stack<Frame> _frames = new();
    private readonly Stack<XmppElement> _unchecked = new();
    private string _streamPrefix = "stream";
    private int _generated;

    /// <summary>Takes this thread's writer (or a new one, if it is in use); give it back with <see cref="Return"/>.</summary>
    public static TreeWriter Rent()
    {
        TreeWriter writer = t_cached ?? new TreeWriter();
        t_cached = null;
        return writer;
    }

    public static void Return(TreeWriter writer)
    {
        writer._frames.Clear();
        writer._unchecked.Clear();
        writer._prefixes.Clear();
        t_cached = writer;
    }

    /// <summary>Validates the whole tree before anything is written (see <see cref="XmlWriterChecks"/>).</summary>
    public void Check(XmppElement root) => XmlWriterChecks.CheckTree(root, _unchecked);

    public void Write(ref Utf8Output o, XmppElement root, string defaultNamespace, string streamPrefix)
    {
        _streamPrefix = streamPrefix;
        _generated = 0;
        if (WriteStartTag(ref o, root, defaultNamespace, out Frame frame))
        {
            _frames.Push(frame);
        }

        while (_frames.Count > 0)
        {
            Frame top = _frames.Pop();
            ReadOnlySpan<XmppNode> children = top.Element.ChildSpan;
            if (top.NextChild == children.Length)
            {
                o.Write("</"u8);
                o.WriteName(top.Prefix, top.Element.Name);
                o.Write((byte)'>');
                _prefixes.RemoveRange(top.PrefixCount, _prefixes.Count - top.PrefixCount);
                continue;
            }

            XmppNode child = children[top.NextChild];
            _frames.Push(top with { NextChild = top.NextChild + 1 });
            if (child is XmppText text)
            {
                o.WriteText(text.Value);
            }
            else if (WriteStartTag(ref o, (XmppElement)child, top.DefaultNamespace, out Frame childFrame))
            {
                _frames.Push(childFrame);
            }
        }
    }

    /// <summary>Writes the start tag (or the whole element when it is empty); true when its children and end tag follow.</summary>
    private bool WriteStartTag(ref Utf8Output o, XmppElement element, string defaultNamespace, out Frame frame)
    {
        string? prefix = element.Namespace switch
        {
            XmlNamespaces.Streams => _streamPrefix,
            XmlNamespaces.Xml => "xml",
            _ => null,
        };
        bool declareDefault = prefix is null && element.Namespace != defaultNamespace;
        string childDefault = declareDefault ? element.Namespace : defaultNamespace;
        int prefixCount = _prefixes.Count;

        o.Write((byte)'<');
        o.WriteName(prefix, element.Name);
        if (declareDefault)
        {
            o.WriteAttribute(null, "xmlns", element.Namespace);
        }

        foreach (XmppAttribute a in element.AttributeSpan)
        {
            o.WriteAttribute(AttributePrefix(ref o, a.Namespace), a.Name, a.Value);
        }

        if (element.ChildSpan.IsEmpty)
        {
            o.Write("/>"u8);
            _prefixes.RemoveRange(prefixCount, _prefixes.Count - prefixCount);
            frame = default;
            return false;
        }

        o.Write((byte)'>');
        frame = new Frame(element, 0, prefix, childDefault, prefixCount);
        return true;
    }

    /// <summary>The prefix for an attribute's namespace, declaring a new one on the current start tag if needed.</summary>
    private string? AttributePrefix(ref Utf8Output o, string ns)
    {
        switch (ns)
        {
            case "":
                return null;
            case XmlNamespaces.Xml:
                return "xml";
            case XmlNamespaces.Streams:
                return _streamPrefix;
        }

        for (int i = _prefixes.Count - 1; i >= 0; i--)
        {
            if (_prefixes[i].Namespace == ns)
            {
                return _prefixes[i].Prefix;
            }
        }

        string prefix;
        do
        {
            prefix = "ns" + _generated++;
        }
        while (prefix == _streamPrefix);

        o.WriteAttribute("xmlns", prefix, ns);
        _prefixes.Add((prefix, ns));
        return prefix;
    }

    private readonly record struct Frame(XmppElement Element, int NextChild, string? Prefix, string DefaultNamespace, int PrefixCount);
}
