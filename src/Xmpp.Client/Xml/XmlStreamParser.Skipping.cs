using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// Skipping a top-level element that broke a per-element limit (<see cref="XmlStreamReaderOptions.MaxDepth"/>,
/// <see cref="XmlStreamReaderOptions.MaxAttributes"/>, <see cref="XmlStreamReaderOptions.MaxElementBytes"/>) when
/// <see cref="SkipElementsOverLimits"/> is on: nothing more of it is recorded, only its depth is counted (tags, quoted
/// values, CDATA sections) until it ends, so the parser stays in step with the stream in constant memory. What breaks
/// the stream itself is still an error: invalid UTF-8, forbidden characters, '&lt;' in a value, and what restricted
/// XML forbids (comments, processing instructions, DOCTYPE, unless the options allow the first two).
/// </summary>
/// <remarks>
/// Entity references and end-tag names inside the skipped element are not checked: nothing of it is kept, so they
/// cannot mislead anyone, and checking end-tag names would need memory in proportion to the depth.
/// </remarks>
internal sealed partial class XmlStreamParser
{
    private SkipState _skipState;
    private long _skipDepth;
    private bool _skipSlash;
    private int _skipRun;
    private byte _skipBangKind;
    private string _skipReason = "";
    private SkippedElement? _skipped;
    private string? _skippedName;
    private string? _skippedNamespace;
    private string? _skippedId;
    private string? _skippedFrom;
    private string? _skippedTo;
    private string? _skippedType;
    private bool _skippedStartTagRead;

    private enum SkipState : byte
    {
        Text,
        TagOpen,
        StartTag,
        Quoted,
        EndTag,
        Bang,
        CData,
        Comment,
        ProcessingInstruction,
    }

    /// <summary>
    /// Whether a top-level element inside the stream that breaks a per-element limit is skipped
    /// (<see cref="ParseResult.Skipped"/>) instead of failing the stream. Off by default: during negotiation every
    /// element matters. The stream header is never skipped.
    /// </summary>
    public bool SkipElementsOverLimits { get; set; }

    /// <summary>The element skipped last (after <see cref="ParseResult.Skipped"/>).</summary>
    public SkippedElement TakeSkipped()
    {
        SkippedElement skipped = _skipped!;
        _skipped = null;
        return skipped;
    }

    /// <summary>Fails the stream with a limit's policy-violation, or skips the element if that is allowed here.</summary>
    /// <returns>Where parsing goes on (the element is skipped from <paramref name="i"/>).</returns>
    private int BreakLimit(string what, int i)
    {
        if (!SkipElementsOverLimits || !InsideTopLevelElement())
        {
            Fail(StreamErrorCondition.PolicyViolation, what, i);
        }

        RememberWhatWasRead();
        _skipReason = what;
        _skipDepth = _depth;
        _skipState = _state switch
        {
            State.Text => SkipState.Text,
            State.TagOpen => SkipState.TagOpen,
            State.AttrValue => SkipState.Quoted,
            State.EndTagName or State.EndTagTail => SkipState.EndTag,
            State.Reference => _referenceReturn == State.AttrValue ? SkipState.Quoted : SkipState.Text,
            State.CData => SkipState.CData,
            State.Bang => SkipState.Bang,
            State.Comment => SkipState.Comment,
            State.PiTarget or State.PiBody => SkipState.ProcessingInstruction,
            _ => SkipState.StartTag, // a start tag's name, attributes or '/>'
        };
        _skipSlash = _state == State.EmptyTagEnd;
        _skipBangKind = _bangKind;

        // What the state machine has already seen of a keyword or terminator carries over: a ']]>', '-->' or '?>'
        // cut by the limit must still end its section.
        _skipRun = _state switch
        {
            State.Bang => _bangMatched,
            State.CData => _bracketRun,
            State.Comment => _dashRun,
            State.PiBody => _questionMark ? 1 : 0,
            _ => 0,
        };

        // Forget the element: its nodes and values, its open names and namespace declarations, any token in progress.
        ClearStanza();
        if (_depth > 0)
        {
            _scope.PopTo(_scopeStarts[0]);
        }

        _openNames.Truncate(_openNames.Length - _streamNameEnd);
        _depth = 0;
        _tokenStart = -1;
        _tokenEnd = -1;
        _scratch.Clear();
        _spilled = false;
        _skipLineFeed = false;
        _bracketRun = 0;
        _bounded = false;
        _needMore = false;
        _state = State.Skipping;
        return i;
    }

    /// <summary>Whether the parser is inside a top-level element (not the header, not between stanzas).</summary>
    private bool InsideTopLevelElement() => _inStream && (_depth > 0 || _state is State.StartTagName or State.TagBody
        or State.AttrName or State.AttrEq or State.AttrQuote or State.AttrValue or State.EmptyTagEnd
        || (_state == State.Reference && _referenceReturn == State.AttrValue));

    /// <summary>Keeps the name and the addressing attributes of the element, as far as they were read.</summary>
    private void RememberWhatWasRead()
    {
        _skippedName = _skippedNamespace = _skippedId = _skippedFrom = _skippedTo = _skippedType = null;
        _skippedStartTagRead = _nodeCount > 0;
        if (_nodeCount > 0)
        {
            // The element's start tag is complete: node 0 and its attributes.
            StanzaNode element = _nodes[0];
            _skippedName = _strings.Items[element.Name];
            _skippedNamespace = _strings.Items[element.Namespace];
            for (int n = 1; n <= element.AttributeCount; n++)
            {
                StanzaNode attribute = _nodes[n];
                if (attribute.Namespace == StringTable.Empty)
                {
                    Remember(_strings.Items[attribute.Name], _values.Span.Slice(attribute.A, attribute.B));
                }
            }

            return;
        }

        if (_state is State.TagOpen or State.StartTagName)
        {
            return; // the name is not read yet
        }

        // The limit was reached in the element's own start tag: what the attribute arrays hold so far.
        _skippedName = _tagLocal;
        _skippedNamespace = _tagPrefix.Length == 0 ? _scope.Lookup("") : null;
        for (int a = 0; a < _attrCount; a++)
        {
            if (_attrPrefixes[a].Length == 0 && _attrLocals[a] == "xmlns")
            {
                _skippedNamespace = _tagPrefix.Length == 0 ? _attrValues[a] : _skippedNamespace;
            }
            else if (_attrPrefixes[a].Length == 0)
            {
                Remember(_attrLocals[a], _values.Span.Slice(_attrOffsets[a], _attrLengths[a]));
            }
        }
    }

    private void Remember(string name, ReadOnlySpan<byte> value)
    {
        switch (name)
        {
            case "id":
                _skippedId = Encoding.UTF8.GetString(value);
                break;
            case "from":
                _skippedFrom = Encoding.UTF8.GetString(value);
                break;
            case "to":
                _skippedTo = Encoding.UTF8.GetString(value);
                break;
            case "type":
                _skippedType = Encoding.UTF8.GetString(value);
                break;
        }
    }

    private int CompleteSkip(int i)
    {
        long end = _spanOffset + i + 1;
        _skipped = new SkippedElement(_skippedName, _skippedNamespace, _skippedId, _skippedFrom, _skippedTo, _skippedType,
            _skippedStartTagRead, _skipReason, _budgetStart, end - _budgetStart);
        _skippedName = _skippedNamespace = _skippedId = _skippedFrom = _skippedTo = _skippedType = null;
        _skipDepth = 0;
        _result = ParseResult.Skipped;
        _state = State.StreamContent;
        return i + 1;
    }
}
