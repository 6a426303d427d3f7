
namespace Xmpp.Client.Xml;

/// <summary>
/// Building a stanza's node table (<see cref="ParsedStanza"/>): element, attribute and text nodes in document order
/// with resolved namespaces, and the UTF-8 of values and texts; and the stream header.
/// </summary>
internal sealed partial class XmlStreamParser
{
    private const int InitialNodes = 64;
    private const int KeepNodes = 4096;

    private readonly TokenBuffer _values = new();
    private readonly StanzaBuffers _buffers = new();
    private readonly StringTable _strings = new();
    private StanzaNode[] _nodes = new StanzaNode[InitialNodes];
    private int _nodeCount;
    private int _elementsWithContent;
    private int _declarations;

    /// <summary>Ends the text before a tag ('&lt;' was at <c>_tokenEnd</c>) and adds it to the open element.</summary>
    private void EndText(ReadOnlySpan<byte> s)
    {
        if (_depth == 0)
        {
            return;
        }

        ReadOnlySpan<byte> text = TakeToken(s, _tokenEnd);
        if (!text.IsEmpty)
        {
            AddNode(new StanzaNode(StanzaNodeKind.Text, !_tokenNonAscii, 0, 0, _values.Length, text.Length));
            _values.Append(text);
        }
    }

    private void AddNode(in StanzaNode node)
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, Math.Max(_nodes.Length * 2, InitialNodes));
        }

        _nodes[_nodeCount++] = node;
    }

    /// <summary>Forgets the nodes and values of the stanza being read (it is complete, or the stream starts over).</summary>
    private void ClearStanza()
    {
        _nodeCount = 0;
        _elementsWithContent = 0;
        _values.Clear();
        if (_nodes.Length > KeepNodes)
        {
            _nodes = new StanzaNode[InitialNodes];
        }
    }

    /// <summary>Keeps the text before a comment, CDATA section or processing instruction for what follows it.</summary>
    private void SuspendText(ReadOnlySpan<byte> s)
    {
        if (_depth > 0)
        {
            Spill(s, _tokenEnd);
        }
    }

    private int CompleteStartTag(ReadOnlySpan<byte> s, int i, bool selfClosing)
    {
        if (!_inStream)
        {
            return CompleteHeader(i, selfClosing);
        }

        int scopeStart = _scope.Count;
        DeclareNamespaces(scopeStart, i);
        string ns;
        if (_tagPrefix.Length == 0)
        {
            ns = _scope.Lookup("")!;
        }
        else if (_tagPrefix == "xml")
        {
            ns = XmlNamespaces.Xml;
        }
        else
        {
            ns = _scope.Lookup(_tagPrefix) ?? FailUndeclared(_tagPrefix, i);
        }

        if (_depth == 0 && _strings.IsFull)
        {
            _strings.Restart(); // between stanzas: no stanza being read refers to it any more
        }

        int node = _nodeCount;
        int count = _attrCount - _declarations;
        int name = _tagName is { } tag ? Number(tag) : Number(_tagLocal);
        AddNode(new StanzaNode(StanzaNodeKind.Element, true, name, Number(ns), node + 1 + count, count));
        if (count > 0)
        {
            AddAttributes(i);
        }

        if (selfClosing)
        {
            _elementsWithContent += count > 0 ? 1 : 0;
            _scope.PopTo(scopeStart);
            _openNames.Truncate(_openNames.Length - _openNameStarts[_depth + 1]);
            if (_depth == 0)
            {
                return Complete(i);
            }
        }
        else
        {
            _openNodes[_depth] = node;
            _scopeStarts[_depth] = scopeStart;
            _depth++;
        }

        _state = State.Text;
        BeginToken(i + 1);
        return i + 1;
    }

    private int CompleteEndTag(int i)
    {
        _openNames.Truncate(_openNames.Length - _openNameStarts[_depth]);
        if (_depth == 0)
        {
            _state = State.Ended;
            _bounded = false;
            _result = ParseResult.StreamEnd;
            return i + 1;
        }

        _depth--;
        int open = _openNodes[_depth];
        _nodes[open] = _nodes[open].WithEnd(_nodeCount);
        _elementsWithContent += _nodeCount > open + 1 ? 1 : 0;
        _scope.PopTo(_scopeStarts[_depth]);
        if (_depth == 0)
        {
            return Complete(i);
        }

        _state = State.Text;
        BeginToken(i + 1);
        return i + 1;
    }

    private int Complete(int i)
    {
        StanzaNode[] nodes = _buffers.RentNodes(_nodeCount);
        _nodes.AsSpan(0, _nodeCount).CopyTo(nodes);
        byte[] utf8 = _buffers.RentBytes(_values.Length);
        _values.Span.CopyTo(utf8);
        var stanza = new ParsedStanza(nodes, utf8, _strings.Items, _elementsWithContent, _buffers);
        _element = new XmppElement(stanza, 0);
        if (_elementsWithContent == 0)
        {
            _buffers.Return(nodes, utf8); // the element has read its name; nothing else is there to read
        }

        ClearStanza();
        _result = ParseResult.Element;
        _state = State.StreamContent;
        _bounded = false;
        return i + 1;
    }

    private int CompleteHeader(int i, bool selfClosing)
    {
        DeclareNamespaces(0, i);
        if (_tagPrefix.Length == 0)
        {
            string defaultNs = _scope.Lookup("")!;
            if (defaultNs == XmlNamespaces.Streams)
            {
                Fail(StreamErrorCondition.BadNamespacePrefix,
                    "The stream element has no namespace prefix; it must be <stream:stream> (RFC 6120 §4.8.5)", i);
            }

            Fail(StreamErrorCondition.InvalidNamespace,
                $"Expected <stream:stream> in namespace '{XmlNamespaces.Streams}', got <{_tagLocal}> in namespace '{defaultNs}'", i);
        }

        string ns = _tagPrefix == "xml" ? XmlNamespaces.Xml : _scope.Lookup(_tagPrefix)
            ?? Fail<string>(StreamErrorCondition.BadNamespacePrefix, $"The stream element's prefix '{_tagPrefix}' is not declared", i);
        if (ns != XmlNamespaces.Streams || _tagLocal != "stream")
        {
            Fail(StreamErrorCondition.InvalidNamespace,
                $"Expected <{_tagPrefix}:stream> in namespace '{XmlNamespaces.Streams}', got <{_tagPrefix}:{_tagLocal}> in namespace '{ns}'", i);
        }

        XmppAttribute[] attributes = HeaderAttributes(i);
        _values.Clear();
        string? Attribute(string name, string attributeNs = "") =>
            Array.Find(attributes, a => a.Name == name && a.Namespace == attributeNs).Value;

        _header = new XmlStreamHeader
        {
            From = Attribute("from"),
            To = Attribute("to"),
            Id = Attribute("id"),
            Version = Attribute("version"),
            Language = Attribute("lang", XmlNamespaces.Xml),
            DefaultNamespace = _scope.Lookup("")!,
            StreamPrefix = _tagPrefix,
            Namespaces = _scope.ToDictionary(0),
        };
        _inStream = true;
        _streamNameEnd = _openNames.Length;
        _bounded = false;
        _result = ParseResult.Header;
        _state = selfClosing ? State.Ended : State.StreamContent;
        return i + 1;
    }

    /// <summary>Pushes the start tag's namespace declarations, checking them against Namespaces in XML 1.0 §3.</summary>
    private void DeclareNamespaces(int scopeStart, int i)
    {
        for (int a = 0; a < _attrCount && _declarations > 0; a++)
        {
            string prefix;
            if (_attrPrefixes[a].Length == 0 && _attrLocals[a] == "xmlns")
            {
                prefix = "";
            }
            else if (_attrPrefixes[a] == "xmlns")
            {
                prefix = _attrLocals[a];
            }
            else
            {
                continue;
            }

            string ns = _attrValues[a];
            string? error = (prefix, ns) switch
            {
                ("xmlns", _) => "The prefix 'xmlns' cannot be declared",
                (_, XmlNamespaces.Xmlns) => $"No prefix may be bound to '{XmlNamespaces.Xmlns}'",
                ("xml", _) when ns != XmlNamespaces.Xml => $"The prefix 'xml' can only be bound to '{XmlNamespaces.Xml}'",
                (not "xml", XmlNamespaces.Xml) => $"Only the prefix 'xml' may be bound to '{XmlNamespaces.Xml}'",
                (not "", "") => $"The prefix '{prefix}' cannot be undeclared (xmlns:{prefix}=\"\") in XML 1.0",
                _ => _scope.DeclaredSince(scopeStart, prefix) ? "A namespace is declared twice on one element" : null,
            };
            if (error is not null)
            {
                Fail(StreamErrorCondition.NotWellFormed, error, i);
            }

            _scope.Push(prefix, ns);
        }
    }

    /// <summary>Adds the start tag's attributes (declarations left out) as nodes; rejects duplicates.</summary>
    private void AddAttributes(int i)
    {
        int first = _nodeCount;
        for (int a = 0; a < _attrCount; a++)
        {
            if (_declarations > 0 && IsDeclaration(a))
            {
                continue;
            }

            int ns = Number(AttributeNamespace(a, i));
            int name = _attrNames[a] is { } qname ? Number(qname) : Number(_attrLocals[a]);
            for (int k = first; k < _nodeCount; k++)
            {
                // Within a generation of the string table equal strings have equal numbers (it numbers by content).
                if (_nodes[k].Name == name && _nodes[k].Namespace == ns)
                {
                    Fail(StreamErrorCondition.NotWellFormed, $"The attribute '{_attrLocals[a]}' appears twice in one start tag", i);
                }
            }

            AddNode(new StanzaNode(StanzaNodeKind.Attribute, _attrAscii[a], name, ns, _attrOffsets[a], _attrLengths[a]));
        }
    }

    /// <summary>The stream header's attributes (declarations left out) with their values as strings; rejects duplicates.</summary>
    private XmppAttribute[] HeaderAttributes(int i)
    {
        var attributes = new List<XmppAttribute>();
        for (int a = 0; a < _attrCount; a++)
        {
            if (_declarations > 0 && IsDeclaration(a))
            {
                continue;
            }

            string local = _attrLocals[a];
            string ns = AttributeNamespace(a, i);
            if (attributes.Exists(x => x.Name == local && x.Namespace == ns))
            {
                Fail(StreamErrorCondition.NotWellFormed, $"The attribute '{local}' appears twice in one start tag", i);
            }

            ReadOnlySpan<byte> value = _values.Span.Slice(_attrOffsets[a], _attrLengths[a]);
            attributes.Add(new XmppAttribute(local, ns, NewString(value, _attrAscii[a])));
        }

        return [.. attributes];
    }

    /// <summary>The number of a fast-path name in the string table (kept in the name until the table starts over).</summary>
    private int Number(QName name)
    {
        if (name.NumberGeneration != _strings.Generation)
        {
            name.Number = Number(name.Local);
            name.NumberGeneration = _strings.Generation;
        }

        return name.Number;
    }

    /// <summary>The namespace of the start tag's attribute <paramref name="a"/>: none unprefixed, else its prefix's.</summary>
    private string AttributeNamespace(int a, int i)
    {
        string prefix = _attrPrefixes[a];
        return prefix.Length == 0 ? "" : prefix == "xml" ? XmlNamespaces.Xml : _scope.Lookup(prefix) ?? FailUndeclared(prefix, i);
    }

    /// <summary>The number of a namespace name or a name the state machine read, in the string table.</summary>
    private int Number(string value) => value.Length == 0 ? StringTable.Empty : _strings.NumberOf(value);

    private bool IsDeclaration(int a) => _attrPrefixes[a] == "xmlns" || (_attrPrefixes[a].Length == 0 && _attrLocals[a] == "xmlns");

    private string FailUndeclared(string prefix, int i) =>
        Fail<string>(StreamErrorCondition.NotWellFormed, $"The namespace prefix '{prefix}' is not declared", i);

    private T Fail<T>(StreamErrorCondition condition, string what, int i)
    {
        Fail(condition, what, i);
        return default!;
    }
}
