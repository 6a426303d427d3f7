namespace Xmpp.Client.Xml;

/// <summary>Building the tree: text nodes, elements with resolved namespaces, and the stream header.</summary>
internal sealed partial class XmlStreamParser
{
    private const int ShortText = 32;
    private const int InitialPending = 64;
    private const int KeepPending = 4096;

    private PendingNode[] _pending = new PendingNode[InitialPending];
    private int _pendingCount;
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
            bool ascii = !_tokenNonAscii;
            AddPending(default, text.Length <= ShortText ? _names.GetValue(text, ascii) : NewString(text, ascii));
        }
    }

    /// <summary>Adds an element to the children of the innermost open element; they are collected when it closes.</summary>
    private void AddToOpenElement(XmppElement element)
    {
        element.Parent = _open[_depth - 1];
        AddPending(element, null);
    }

    private void AddPending(XmppElement? element, string? text)
    {
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        _pending[_pendingCount++] = new PendingNode(element, text);
    }

    /// <summary>
    /// Gives a closing element its children, exactly sized, and clears them from the pending stack. A lone text child
    /// stays a string until someone asks for the nodes (most text is the only child of its element).
    /// </summary>
    private void CollectChildren(XmppElement element, int start)
    {
        int count = _pendingCount - start;
        if (count == 1 && _pending[start].Text is { } lone)
        {
            element.SetLoneText(lone);
            _pending[start] = default;
            _pendingCount = start;
        }
        else if (count > 0)
        {
            var children = new XmppNode[count];
            for (int k = 0; k < count; k++)
            {
                ref PendingNode pending = ref _pending[start + k];
                children[k] = pending.Element ?? (XmppNode)new XmppText(pending.Text!) { Parent = element };
            }

            element.SetChildren(children);
            Array.Clear(_pending, start, count);
            _pendingCount = start;
        }

        if (start == 0 && _pending.Length > KeepPending)
        {
            _pending = new PendingNode[InitialPending];
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

        var element = new XmppElement(_tagLocal, ns, ResolveAttributes(i));
        if (_depth > 0)
        {
            AddToOpenElement(element);
        }

        if (selfClosing)
        {
            _scope.PopTo(scopeStart);
            _openNames.Truncate(_openNames.Length - _openNameStarts[_depth + 1]);
            if (_depth == 0)
            {
                return Complete(element, i);
            }
        }
        else
        {
            _open[_depth] = element;
            _scopeStarts[_depth] = scopeStart;
            _childStarts[_depth] = _pendingCount;
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
        XmppElement closed = _open[_depth];
        _open[_depth] = null!;
        _scope.PopTo(_scopeStarts[_depth]);
        CollectChildren(closed, _childStarts[_depth]);
        if (_depth == 0)
        {
            return Complete(closed, i);
        }

        _state = State.Text;
        BeginToken(i + 1);
        return i + 1;
    }

    private int Complete(XmppElement element, int i)
    {
        _element = element;
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

        XmppAttribute[] attributes = ResolveAttributes(i) ?? [];
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

    /// <summary>Resolves the start tag's attributes (declarations left out) into an exactly sized array; rejects duplicates.</summary>
    private XmppAttribute[]? ResolveAttributes(int i)
    {
        int count = _attrCount - _declarations;
        if (count == 0)
        {
            return null;
        }

        var attributes = new XmppAttribute[count];
        int n = 0;
        for (int a = 0; a < _attrCount; a++)
        {
            if (_declarations > 0 && IsDeclaration(a))
            {
                continue;
            }

            string prefix = _attrPrefixes[a];
            string local = _attrLocals[a];
            string ns = prefix.Length == 0 ? "" : prefix == "xml" ? XmlNamespaces.Xml : _scope.Lookup(prefix) ?? FailUndeclared(prefix, i);
            for (int k = 0; k < n; k++)
            {
                if (attributes[k].Name == local && attributes[k].Namespace == ns)
                {
                    Fail(StreamErrorCondition.NotWellFormed, $"The attribute '{local}' appears twice in one start tag", i);
                }
            }

            attributes[n++] = new XmppAttribute(local, ns, _attrValues[a]);
        }

        return attributes;
    }

    private bool IsDeclaration(int a) => _attrPrefixes[a] == "xmlns" || (_attrPrefixes[a].Length == 0 && _attrLocals[a] == "xmlns");

    /// <summary>A slot of the pending-children stack: an element, or the string of a text node not made yet.</summary>
    private readonly record struct PendingNode(XmppElement? Element, string? Text);

    private string FailUndeclared(string prefix, int i) =>
        Fail<string>(StreamErrorCondition.NotWellFormed, $"The namespace prefix '{prefix}' is not declared", i);

    private T Fail<T>(StreamErrorCondition condition, string what, int i)
    {
        Fail(condition, what, i);
        return default!;
    }
}
