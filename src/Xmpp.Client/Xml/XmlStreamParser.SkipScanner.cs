namespace Xmpp.Client.Xml;

/// <summary>
/// The scanner behind <see cref="SkipElementsOverLimits"/>: follows a skipped element to its end by counting depth
/// (start tags, empty tags, end tags), stepping over quoted values and CDATA sections, and checking only what
/// breaks the stream (see <c>XmlStreamParser.Skipping.cs</c>).
/// </summary>
internal sealed partial class XmlStreamParser
{
    private int Skip(ReadOnlySpan<byte> s, int i) => _skipState switch
    {
        SkipState.Text => SkipText(s, i),
        SkipState.TagOpen => SkipTagOpen(s, i),
        SkipState.StartTag or SkipState.Quoted => SkipTag(s, i),
        SkipState.EndTag => SkipEndTag(s, i),
        SkipState.Bang => SkipBang(s, i),
        _ => SkipUntilDelimiter(s, i),
    };

    private int SkipText(ReadOnlySpan<byte> s, int i)
    {
        while (true)
        {
            int k = s[i..].IndexOfAny(XmlChars.SkippedTextStops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            if (s[i] == '<')
            {
                _skipState = SkipState.TagOpen;
                return i + 1;
            }

            i = SkipOther(s, i);
            if (_needMore || i == s.Length)
            {
                return i;
            }
        }
    }

    private int SkipTagOpen(ReadOnlySpan<byte> s, int i)
    {
        switch (s[i])
        {
            case (byte)'/':
                _skipState = SkipState.EndTag;
                return i + 1;
            case (byte)'!':
                _skipState = SkipState.Bang;
                _skipRun = 0;
                return i + 1;
            case (byte)'?':
                if (!_options.AllowProcessingInstructions)
                {
                    FailProcessingInstruction(i);
                }

                _skipState = SkipState.ProcessingInstruction;
                _skipRun = 0;
                return i + 1;
        }

        int c = s[i];
        if (c >= 0x80 && DecodeScalar(s, i, out c) == 0)
        {
            return i;
        }

        if (!XmlChars.IsNameStartChar(c))
        {
            Fail(StreamErrorCondition.NotWellFormed, "'<' must be followed by a name, '/', '!' or '?' (write &lt; for '<')", i);
        }

        _skipState = SkipState.StartTag;
        _skipSlash = false;
        return i;
    }

    /// <summary>A start tag (name and attributes) or, in <see cref="SkipState.Quoted"/>, a value in <c>_quote</c>s.</summary>
    private int SkipTag(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny(XmlChars.SkippedTagStops);
            if (k < 0)
            {
                _skipSlash = false;
                return s.Length;
            }

            if (k > 0)
            {
                _skipSlash = false;
            }

            i += k;
            byte b = s[i];
            if (_skipState == SkipState.Quoted)
            {
                if (b == _quote)
                {
                    _skipState = SkipState.StartTag;
                }
                else if (b == '<')
                {
                    Fail(StreamErrorCondition.NotWellFormed, "'<' is not allowed in an attribute value (write &lt;)", i);
                }
                else if (b is not ((byte)'"' or (byte)'\'' or (byte)'/' or (byte)'>'))
                {
                    i = SkipOther(s, i);
                    if (_needMore)
                    {
                        return i;
                    }

                    continue;
                }

                i++;
                continue;
            }

            switch (b)
            {
                case (byte)'"' or (byte)'\'':
                    _quote = b;
                    _skipState = SkipState.Quoted;
                    _skipSlash = false;
                    i++;
                    break;
                case (byte)'/':
                    _skipSlash = true;
                    i++;
                    break;
                case (byte)'>':
                    bool empty = _skipSlash;
                    _skipSlash = false;
                    if (!empty)
                    {
                        _skipDepth++;
                        _skipState = SkipState.Text;
                        return i + 1;
                    }

                    return _skipDepth == 0 ? CompleteSkip(i) : ToSkippedText(i);
                case (byte)'<':
                    Fail(StreamErrorCondition.NotWellFormed, "Expected whitespace, an attribute, '/>' or '>' in a start tag", i);
                    break;
                default:
                    _skipSlash = false;
                    i = SkipOther(s, i);
                    if (_needMore)
                    {
                        return i;
                    }

                    break;
            }
        }

        return i;
    }

    /// <summary>An end tag: a name (not compared with the start tag's: nothing of those is kept) and whitespace, to '&gt;'.</summary>
    private int SkipEndTag(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            int k = s[i..].IndexOfAny(XmlChars.SkippedTagStops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            byte b = s[i];
            if (b == '>')
            {
                return --_skipDepth <= 0 ? CompleteSkip(i) : ToSkippedText(i);
            }

            if (b is (byte)'<' or (byte)'"' or (byte)'\'' or (byte)'/')
            {
                Fail(StreamErrorCondition.NotWellFormed, "Expected '>' to close an end tag", i);
            }

            i = SkipOther(s, i);
            if (_needMore)
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>After '&lt;!': only a CDATA section can be skipped; a comment (unless allowed) or DOCTYPE is refused as ever.</summary>
    private int SkipBang(ReadOnlySpan<byte> s, int i)
    {
        if (_skipRun == 0)
        {
            _skipBangKind = s[i];
            switch (_skipBangKind)
            {
                case (byte)'[':
                    break;
                case (byte)'-' when _options.AllowComments:
                    break;
                case (byte)'-':
                    Fail(StreamErrorCondition.RestrictedXml, "Comments are not allowed in XMPP (RFC 6120 §11.1)", i);
                    break;
                case (byte)'D':
                    Fail(StreamErrorCondition.RestrictedXml, "Document type declarations are not allowed in XMPP (RFC 6120 §11.1)", i);
                    break;
                default:
                    Fail(StreamErrorCondition.NotWellFormed, "'<!' must start a comment or a CDATA section", i);
                    break;
            }
        }

        ReadOnlySpan<byte> keyword = _skipBangKind switch { (byte)'[' => "[CDATA["u8, (byte)'-' => "--"u8, _ => "DOCTYPE"u8 };
        for (; _skipRun < keyword.Length; _skipRun++, i++)
        {
            if (i == s.Length)
            {
                return i;
            }

            if (s[i] != keyword[_skipRun])
            {
                Fail(StreamErrorCondition.NotWellFormed, "'<!' must start a comment or a CDATA section", i);
            }
        }

        if (_skipBangKind == 'D')
        {
            Fail(StreamErrorCondition.RestrictedXml, "Document type declarations are not allowed in XMPP (RFC 6120 §11.1)", i);
        }

        _skipState = _skipBangKind == '[' ? SkipState.CData : SkipState.Comment;
        _skipRun = 0;
        return i;
    }

    /// <summary>The rest of a CDATA section (to ']]&gt;'), an allowed comment (to '--&gt;') or processing instruction (to '?&gt;').</summary>
    private int SkipUntilDelimiter(ReadOnlySpan<byte> s, int i)
    {
        byte mark = _skipState switch { SkipState.CData => (byte)']', SkipState.Comment => (byte)'-', _ => (byte)'?' };
        int needed = _skipState == SkipState.ProcessingInstruction ? 1 : 2;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b == '>' && _skipRun >= needed)
            {
                _skipRun = 0;
                return ToSkippedText(i);
            }

            if (b == mark)
            {
                _skipRun++;
                i++;
                continue;
            }

            _skipRun = 0;
            if (b < 0x20 || b >= 0x80)
            {
                i = SkipOther(s, i);
                if (_needMore)
                {
                    return i;
                }

                continue;
            }

            i++;
        }

        return i;
    }

    /// <summary>Checks a control or non-ASCII byte at <paramref name="i"/>: whitespace passes, UTF-8 is validated.</summary>
    private int SkipOther(ReadOnlySpan<byte> s, int i)
    {
        byte b = s[i];
        if (b < 0x80)
        {
            if (!XmlChars.IsWhitespace(b))
            {
                FailControl(b, i);
            }

            return i + 1;
        }

        return SkipNonAscii(s, i);
    }

    private int ToSkippedText(int i)
    {
        _skipState = SkipState.Text;
        return i + 1;
    }
}
