using System.Runtime.CompilerServices;

namespace Xmpp.Client.Xml;

/// <summary>
/// A parsed element: made from a <see cref="ParsedStanza"/> with its name only, it reads its attributes and children
/// from the stanza's node table the first time any of them is asked for (one thread reads, others wait for it, so that
/// all see the same child nodes), then forgets the stanza.
/// </summary>
internal sealed partial class XmppElement
{
    private const int Loaded = 0;
    private const int Unread = 1;
    private const int Reading = 2;

    private ParsedStanza? _source;
    private readonly int _node;
    private int _load;

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
