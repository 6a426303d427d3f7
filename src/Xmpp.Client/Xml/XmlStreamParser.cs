namespace Xmpp.Client.Xml;

/// <summary>What a call to <see cref="XmlStreamParser.Parse"/> produced.</summary>
internal enum ParseResult : byte
{
    /// <summary>All bytes were consumed (except at most the first bytes of a cut UTF-8 sequence); nothing is complete yet.</summary>
    NeedMoreData,

    /// <summary>The stream header is complete; take it with <see cref="XmlStreamParser.TakeHeader"/>.</summary>
    Header,

    /// <summary>A top-level element is complete; take it with <see cref="XmlStreamParser.TakeElement"/>.</summary>
    Element,

    /// <summary>The peer closed the stream with its end tag.</summary>
    StreamEnd,

    /// <summary>
    /// A top-level element that broke a per-element limit was skipped whole (only with
    /// <see cref="XmlStreamParser.SkipElementsOverLimits"/>); take what was read of it with <see cref="XmlStreamParser.TakeSkipped"/>.
    /// </summary>
    Skipped,
}

/// <summary>
/// The incremental XML tokenizer and tree builder behind <see cref="XmlStreamReader"/>. It consumes UTF-8 bytes span
/// by span and keeps all of its state between calls, so every byte is examined once however the input is cut. A
/// token cut by the end of a span (a name, an attribute value, a run of text) is copied into a scratch buffer and
/// continued from there; a token that lies within one span becomes a string straight from the span.
/// </summary>
/// <remarks>
/// It stops right after the <c>&gt;</c> that completes the header or a top-level element, so bytes after it (a new
/// stream after a restart, or TLS after <c>&lt;proceed/&gt;</c>) are left to the caller. Open elements are kept on an
/// explicit stack: no recursion, whatever the input.
/// </remarks>
internal sealed partial class XmlStreamParser
{
    private readonly XmlStreamReaderOptions _options;
    private readonly XmlNameTable _names = new();
    private readonly TokenBuffer _scratch = new();
    private readonly NamespaceScope _scope = new();
    private readonly TokenBuffer _openNames = new();
    private readonly int[] _openNameStarts;
    private readonly int[] _openNodes;
    private readonly int[] _scopeStarts;

    private State _state;
    private ParseResult _result;
    private bool _needMore;
    private long _spanOffset;

    private int _tokenStart = -1;
    private int _tokenEnd = -1;
    private bool _spilled;
    private bool _tokenNonAscii;

    private bool _bounded;
    private long _budgetStart;
    private long _budgetEnd;

    private bool _inStream;
    private bool _atDocumentStart;
    private int _depth;
    private int _streamNameEnd;
    private bool _skipLineFeed;
    private int _bracketRun;

    private XmlStreamHeader? _header;
    private XmppElement? _element;

    public XmlStreamParser(XmlStreamReaderOptions options)
    {
        _options = options;
        _openNodes = new int[options.MaxDepth];
        _scopeStarts = new int[options.MaxDepth];
        _openNameStarts = new int[options.MaxDepth + 1];
        int attributes = Math.Min(options.MaxAttributes, 16);
        _attrPrefixes = new string[attributes];
        _attrLocals = new string[attributes];
        _attrValues = new string[attributes];
        _attrNames = new QName?[attributes];
        _attrOffsets = new int[attributes];
        _attrLengths = new int[attributes];
        _attrAscii = new bool[attributes];
        Reset(0);
    }

    private enum State : byte
    {
        Prolog,
        StreamContent,
        Text,
        TagOpen,
        StartTagName,
        TagBody,
        AttrName,
        AttrEq,
        AttrQuote,
        AttrValue,
        EmptyTagEnd,
        EndTagName,
        EndTagTail,
        Reference,
        Bang,
        Comment,
        CData,
        PiTarget,
        PiBody,
        XmlDecl,
        Skipping,
        Ended,
    }

    /// <summary>Whether the stream has ended (its end tag was read, or the header was an empty element).</summary>
    public bool IsEnded => _state == State.Ended;

    /// <summary>Whether the parser is inside the header, a top-level element or other markup (not between stanzas).</summary>
    public bool IsInsideMarkup => _bounded || _state == State.Skipping;

    /// <summary>Starts over with a new document (a stream restart); <paramref name="offset"/> is where it begins.</summary>
    public void Reset(long offset)
    {
        _state = State.Prolog;
        _atDocumentStart = true;
        _inStream = false;
        _depth = 0;
        ClearStanza();
        _scope.PopTo(0);
        _openNames.Clear();
        _scratch.Clear();
        _tokenStart = -1;
        _tokenEnd = -1;
        _spilled = false;
        _skipLineFeed = false;
        _bracketRun = 0;
        _header = null;
        _element = null;
        _result = ParseResult.NeedMoreData;
        StartBudget(offset);
    }

    public XmlStreamHeader TakeHeader()
    {
        XmlStreamHeader header = _header!;
        _header = null;
        return header;
    }

    public XmppElement TakeElement()
    {
        XmppElement element = _element!;
        _element = null;
        return element;
    }

    /// <summary>
    /// Consumes bytes until something completes or the span is used up. Stops early only after a completed header,
    /// element or stream end, or before an incomplete UTF-8 sequence at the end of the span (which the caller must
    /// present again with the bytes that follow it).
    /// </summary>
    /// <param name="span">The next bytes of the stream.</param>
    /// <param name="spanOffset">The stream offset of <paramref name="span"/>[0], for limits and error messages.</param>
    /// <param name="consumed">How many bytes of <paramref name="span"/> were consumed.</param>
    public ParseResult Parse(ReadOnlySpan<byte> span, long spanOffset, out int consumed)
    {
        _spanOffset = spanOffset;
        _result = ParseResult.NeedMoreData;
        _needMore = false;
        if (_tokenStart >= 0)
        {
            _tokenStart = 0;
            if (_tokenEnd >= 0)
            {
                _tokenEnd = 0;
            }
        }

        int i = 0;
        while (i < span.Length && _result == ParseResult.NeedMoreData && !_needMore)
        {
            int limit = span.Length;
            if (_bounded)
            {
                long room = _budgetEnd - spanOffset;
                if (room <= i)
                {
                    i = BreakSizeLimit(i);
                    continue;
                }

                limit = (int)Math.Min(room, limit);
            }

            i = Step(span[..limit], i);
            if (_needMore && limit < span.Length)
            {
                i = BreakSizeLimit(i);
            }
        }

        if (_tokenStart >= 0)
        {
            _scratch.Append(span[_tokenStart..(_tokenEnd >= 0 ? _tokenEnd : i)]);
            _spilled = true;
        }

        consumed = i;
        return _result;
    }

    private int Step(ReadOnlySpan<byte> s, int i) => _state switch
    {
        State.Text => Text(s, i),
        State.TagOpen => TagOpen(s, i),
        State.StartTagName => StartTagName(s, i),
        State.TagBody => TagBody(s, i),
        State.AttrName => AttrName(s, i),
        State.AttrEq => AttrEq(s, i),
        State.AttrQuote => AttrQuote(s, i),
        State.AttrValue => AttrValue(s, i),
        State.EmptyTagEnd => EmptyTagEnd(s, i),
        State.EndTagName => EndTagName(s, i),
        State.EndTagTail => EndTagTail(s, i),
        State.StreamContent => StreamContent(s, i),
        State.Reference => Reference(s, i),
        State.Bang => Bang(s, i),
        State.Comment => Comment(s, i),
        State.CData => CData(s, i),
        State.PiTarget => PiTarget(s, i),
        State.PiBody => PiBody(s, i),
        State.XmlDecl => XmlDecl(s, i),
        State.Prolog => Prolog(s, i),
        State.Skipping => Skip(s, i),
        _ => throw new InvalidOperationException("The XML stream has ended; nothing more can be parsed."),
    };

    private void StartBudget(long start)
    {
        _bounded = true;
        _budgetStart = start;
        _budgetEnd = start + _options.MaxElementBytes;
    }
}
