using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>Building the tree: text nodes, elements with resolved namespaces, and the stream header.</summary>
internal sealed partial class XmlStreamParser
{
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
            _open[_depth - 1].AddChild(new XmppText(Encoding.UTF8.GetString(text)));
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
            _open[_depth - 1].AddChild(element);
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

        List<XmppAttribute>? attributes = ResolveAttributes(i);
        string? Attribute(string name, string attributeNs = "") =>
            attributes?.Find(a => a.Name == name && a.Namespace == attributeNs).Value;

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
        for (int a = 0; a < _attrCount; a++)
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

    /// <summary>Resolves the start tag's attributes (declarations left out) and rejects duplicates.</summary>
    private List<XmppAttribute>? ResolveAttributes(int i)
    {
        List<XmppAttribute>? attributes = null;
        for (int a = 0; a < _attrCount; a++)
        {
            string prefix = _attrPrefixes[a];
            string local = _attrLocals[a];
            if (prefix == "xmlns" || (prefix.Length == 0 && local == "xmlns"))
            {
                continue;
            }

            string ns = prefix.Length == 0 ? "" : prefix == "xml" ? XmlNamespaces.Xml : _scope.Lookup(prefix) ?? FailUndeclared(prefix, i);
            attributes ??= new List<XmppAttribute>(_attrCount);
            foreach (XmppAttribute existing in attributes)
            {
                if (existing.Name == local && existing.Namespace == ns)
                {
                    Fail(StreamErrorCondition.NotWellFormed, $"The attribute '{local}' appears twice in one start tag", i);
                }
            }

            attributes.Add(new XmppAttribute(local, ns, _attrValues[a]));
        }

        return attributes;
    }

    private string FailUndeclared(string prefix, int i) =>
        Fail<string>(StreamErrorCondition.NotWellFormed, $"The namespace prefix '{prefix}' is not declared", i);

    private T Fail<T>(StreamErrorCondition condition, string what, int i)
    {
        Fail(condition, what, i);
        return default!;
    }
}
