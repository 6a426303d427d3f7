namespace Xmpp.Client.Xml;

/// <summary>Character data: before the header, between stanzas, and inside elements (text, line ends, ']]&gt;').</summary>
internal sealed partial class XmlStreamParser
{
    private int Prolog(ReadOnlySpan<byte> s, int i)
    {
        if (_atDocumentStart && s[i] is 0x00 or 0xFE or 0xFF)
        {
            Fail(StreamErrorCondition.UnsupportedEncoding,
                "The stream starts like UTF-16 or UTF-32; XMPP streams must be UTF-8 (RFC 6120 §11.6)", i);
        }

        int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
        if (k != 0)
        {
            _atDocumentStart = false;
        }

        if (k < 0)
        {
            return s.Length;
        }

        i += k;
        if (s[i] != '<')
        {
            Fail(StreamErrorCondition.NotWellFormed,
                "Expected the stream header '<stream:stream'; character data (a byte order mark included, RFC 6120 §11.6) cannot come before it", i);
        }

        _state = State.TagOpen;
        return i + 1;
    }

    private int StreamContent(ReadOnlySpan<byte> s, int i)
    {
        if (s[i] != '<')
        {
            int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
        }

        if (s[i] != '<')
        {
            Fail(StreamErrorCondition.BadFormat, "Character data is not allowed between stanzas; only whitespace is", i);
        }

        StartBudget(_spanOffset + i);
        _state = State.TagOpen;
        return i + 1;
    }

    private int Text(ReadOnlySpan<byte> s, int i)
    {
        if (_skipLineFeed)
        {
            i = SkipLineFeed(s, i);
        }

        if (_bracketRun > 0)
        {
            i = ContinueBracketRun(s, i);
        }

        while (true)
        {
            // Most text between tags is empty ('><'): no need to start a vectorised search for that.
            int k = i < s.Length && s[i] == '<' ? 0 : s[i..].IndexOfAny(XmlChars.TextStops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            byte b = s[i];
            switch (b)
            {
                case (byte)'<':
                    _tokenEnd = i;
                    _state = State.TagOpen;
                    if (i + 1 == s.Length)
                    {
                        return i + 1;
                    }

                    // A tag read whole leaves the parser in the text of the element that is then open: go on here.
                    i = TagOpen(s, i + 1);
                    if (_state != State.Text || _result != ParseResult.NeedMoreData || i == s.Length)
                    {
                        return i;
                    }

                    break;
                case (byte)'&':
                    Spill(s, i);
                    BeginReference(State.Text);
                    return i + 1;
                case (byte)'\r':
                    i = NormalizeLineEnd(s, i, (byte)'\n');
                    break;
                case (byte)']':
                    _bracketRun = 1;
                    i = ContinueBracketRun(s, i + 1);
                    break;
                default:
                    if (b < 0x80)
                    {
                        FailControl(b, i);
                    }

                    i = SkipNonAscii(s, i);
                    if (_needMore)
                    {
                        return i;
                    }

                    break;
            }
        }
    }

    /// <summary>Counts the ']' run that text may not follow with '>' (XML 1.0 §2.4).</summary>
    private int ContinueBracketRun(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] == ']')
        {
            _bracketRun++;
            i++;
        }

        if (i < s.Length)
        {
            if (s[i] == '>' && _bracketRun >= 2)
            {
                Fail(StreamErrorCondition.NotWellFormed, "']]>' is not allowed in text (write ]]&gt;)", i);
            }

            _bracketRun = 0;
        }

        return i;
    }

    /// <summary>Replaces a CR (and a LF right after it) with <paramref name="replacement"/> (XML 1.0 §2.11, §3.3.3).</summary>
    private int NormalizeLineEnd(ReadOnlySpan<byte> s, int i, byte replacement)
    {
        Spill(s, i);
        _scratch.Append(replacement);
        i++;
        if (i == s.Length)
        {
            _skipLineFeed = true;
        }
        else if (s[i] == '\n')
        {
            i++;
        }

        ResumeToken(i);
        return i;
    }

    /// <summary>At the start of a span, drops the LF of a CR LF pair whose CR ended the previous span.</summary>
    private int SkipLineFeed(ReadOnlySpan<byte> s, int i)
    {
        _skipLineFeed = false;
        if (s[i] == '\n')
        {
            i++;
            _tokenStart = i;
        }

        return i;
    }
}
