namespace Xmpp.Client.Xml;

/// <summary>Markup other than tags: comments, CDATA sections, DOCTYPE, processing instructions, the XML declaration.</summary>
internal sealed partial class XmlStreamParser
{
    private int _bangMatched;
    private byte _bangKind;
    private int _dashRun;
    private bool _questionMark;

    private int Bang(ReadOnlySpan<byte> s, int i)
    {
        if (_bangMatched == 0)
        {
            _bangKind = s[i];
            if (_bangKind is not ((byte)'-' or (byte)'[' or (byte)'D'))
            {
                Fail(StreamErrorCondition.NotWellFormed, "'<!' must start a comment or a CDATA section", i);
            }
        }

        ReadOnlySpan<byte> keyword = _bangKind switch
        {
            (byte)'-' => "--"u8,
            (byte)'[' => "[CDATA["u8,
            _ => "DOCTYPE"u8,
        };
        for (; _bangMatched < keyword.Length; _bangMatched++, i++)
        {
            if (i == s.Length)
            {
                return i;
            }

            if (s[i] != keyword[_bangMatched])
            {
                Fail(StreamErrorCondition.NotWellFormed, "'<!' must start a comment or a CDATA section", i);
            }
        }

        switch (_bangKind)
        {
            case (byte)'-':
                if (!_options.AllowComments)
                {
                    Fail(StreamErrorCondition.RestrictedXml, "Comments are not allowed in XMPP (RFC 6120 §11.1)", i);
                }

                _dashRun = 0;
                _state = State.Comment;
                return i;
            case (byte)'[':
                if (_depth == 0)
                {
                    Fail(_inStream ? StreamErrorCondition.BadFormat : StreamErrorCondition.NotWellFormed,
                        "A CDATA section can only appear inside an element", i);
                }

                ResumeToken(i);
                _bracketRun = 0;
                _state = State.CData;
                return i;
            default:
                Fail(StreamErrorCondition.RestrictedXml, "Document type declarations are not allowed in XMPP (RFC 6120 §11.1)", i);
                return i;
        }
    }

    private int Comment(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            if (_dashRun == 2)
            {
                if (s[i] != '>')
                {
                    Fail(StreamErrorCondition.NotWellFormed, "'--' is not allowed inside a comment", i);
                }

                return EndMarkup(i + 1);
            }

            if (_dashRun == 1)
            {
                _dashRun = s[i] == '-' ? 2 : 0;
                if (_dashRun == 2)
                {
                    i++;
                    continue;
                }
            }

            i = SkipOtherContent(s, i, XmlChars.CommentStops, (byte)'-', ref _dashRun);
            if (_needMore)
            {
                return i;
            }
        }

        return i;
    }

    private int CData(ReadOnlySpan<byte> s, int i)
    {
        if (_skipLineFeed)
        {
            i = SkipLineFeed(s, i);
        }

        while (true)
        {
            if (_bracketRun > 0)
            {
                while (i < s.Length && s[i] == ']')
                {
                    _bracketRun++;
                    i++;
                }

                if (i == s.Length)
                {
                    return i;
                }

                if (s[i] == '>' && _bracketRun >= 2)
                {
                    _bracketRun = 0;
                    SpillAllBut(s, i, 2);
                    _state = State.Text;
                    ResumeToken(i + 1);
                    return i + 1;
                }

                _bracketRun = 0;
            }

            int k = s[i..].IndexOfAny(XmlChars.CDataStops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            byte b = s[i];
            if (b == ']')
            {
                _bracketRun = 1;
                i++;
            }
            else if (b == '\r')
            {
                i = NormalizeLineEnd(s, i, (byte)'\n');
            }
            else if (b < 0x80)
            {
                FailControl(b, i);
            }
            else
            {
                i = SkipNonAscii(s, i);
                if (_needMore)
                {
                    return i;
                }
            }
        }
    }

    /// <summary>
    /// Skips comment or processing-instruction content up to the next <paramref name="marker"/> (consumed, counted in
    /// <paramref name="markers"/>); checks characters on the way. Line ends need no normalising: the content is dropped.
    /// </summary>
    private int SkipOtherContent(ReadOnlySpan<byte> s, int i, System.Buffers.SearchValues<byte> stops, byte marker, ref int markers)
    {
        while (true)
        {
            int k = s[i..].IndexOfAny(stops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            byte b = s[i];
            if (b == marker)
            {
                markers++;
                return i + 1;
            }

            if (b == '\r')
            {
                i++;
            }
            else if (b < 0x80)
            {
                FailControl(b, i);
            }
            else
            {
                i = SkipNonAscii(s, i);
                if (_needMore)
                {
                    return i;
                }
            }
        }
    }

    /// <summary>Back to where a comment or processing instruction appeared: text, between stanzas or before the header.</summary>
    private int EndMarkup(int i)
    {
        if (_depth > 0)
        {
            _state = State.Text;
            ResumeToken(i);
        }
        else if (_inStream)
        {
            _state = State.StreamContent;
            _bounded = false;
        }
        else
        {
            _state = State.Prolog;
        }

        return i;
    }
}
