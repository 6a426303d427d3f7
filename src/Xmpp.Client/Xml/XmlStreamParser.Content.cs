using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>Character data: before the header, between stanzas, inside elements, and references.</summary>
internal sealed partial class XmlStreamParser
{
    private RefKind _refKind;
    private State _referenceReturn;
    private int _refValue;
    private int _refLength;
    private readonly byte[] _refName = new byte[8];

    private enum RefKind : byte
    {
        Start,
        NumberStart,
        Decimal,
        Hex,
        Name,
    }

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
        int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
        if (k < 0)
        {
            return s.Length;
        }

        i += k;
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
            int k = s[i..].IndexOfAny(XmlChars.TextStops);
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
                    return i + 1;
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

    private void BeginReference(State returnTo)
    {
        _referenceReturn = returnTo;
        _refKind = RefKind.Start;
        _refValue = 0;
        _refLength = 0;
        _state = State.Reference;
    }

    private int Reference(ReadOnlySpan<byte> s, int i)
    {
        for (; i < s.Length; i++)
        {
            byte b = s[i];
            switch (_refKind)
            {
                case RefKind.Start:
                    if (b == '#')
                    {
                        _refKind = RefKind.NumberStart;
                    }
                    else if (b != ':' && XmlChars.IsAsciiNameStart(b))
                    {
                        _refKind = RefKind.Name;
                        _refName[_refLength++] = b;
                    }
                    else
                    {
                        Fail(StreamErrorCondition.NotWellFormed, "'&' must start an entity or character reference (write &amp; for '&')", i);
                    }

                    break;
                case RefKind.NumberStart when b == 'x':
                    _refKind = RefKind.Hex;
                    break;
                case RefKind.NumberStart:
                case RefKind.Decimal:
                case RefKind.Hex:
                    if (b == ';')
                    {
                        EndCharacterReference(i);
                        return i + 1;
                    }

                    AddDigit(b, i);
                    break;
                default:
                    if (b == ';')
                    {
                        EndEntityReference(i);
                        return i + 1;
                    }

                    if (b == ':' || !XmlChars.IsAsciiNameChar(b))
                    {
                        Fail(StreamErrorCondition.NotWellFormed, "Malformed entity reference", i);
                    }

                    if (_refLength == _refName.Length)
                    {
                        FailUnknownEntity(i);
                    }

                    _refName[_refLength++] = b;
                    break;
            }
        }

        return i;
    }

    private void AddDigit(byte b, int i)
    {
        bool hex = _refKind == RefKind.Hex;
        _refKind = hex ? RefKind.Hex : RefKind.Decimal;
        int digit = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' when hex => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' when hex => b - 'A' + 10,
            _ => -1,
        };
        if (digit < 0)
        {
            Fail(StreamErrorCondition.NotWellFormed, "Malformed character reference", i);
        }

        _refValue = Math.Min((_refValue * (hex ? 16 : 10)) + digit, 0x110000);
        _refLength++;
    }

    private void EndCharacterReference(int i)
    {
        if (_refLength == 0 || !XmlChars.IsXmlChar(_refValue))
        {
            Fail(StreamErrorCondition.NotWellFormed, "Character reference to a character XML does not allow", i);
        }

        _scratch.AppendScalar(_refValue);
        _state = _referenceReturn;
        ResumeToken(i + 1);
    }

    private void EndEntityReference(int i)
    {
        byte value = _refName.AsSpan(0, _refLength) switch
        {
            [(byte)'l', (byte)'t'] => (byte)'<',
            [(byte)'g', (byte)'t'] => (byte)'>',
            [(byte)'a', (byte)'m', (byte)'p'] => (byte)'&',
            [(byte)'a', (byte)'p', (byte)'o', (byte)'s'] => (byte)'\'',
            [(byte)'q', (byte)'u', (byte)'o', (byte)'t'] => (byte)'"',
            _ => 0,
        };
        if (value == 0)
        {
            FailUnknownEntity(i);
        }

        _scratch.Append(value);
        _state = _referenceReturn;
        ResumeToken(i + 1);
    }

    private void FailUnknownEntity(int i) => Fail(StreamErrorCondition.RestrictedXml,
        $"The entity reference '&{Encoding.ASCII.GetString(_refName, 0, _refLength)}' is not allowed: XMPP permits only &lt; &gt; &amp; &apos; &quot; and character references (RFC 6120 §11.1)", i);
}
