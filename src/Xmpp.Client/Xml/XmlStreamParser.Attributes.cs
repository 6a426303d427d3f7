namespace Xmpp.Client.Xml;

/// <summary>Attributes of a start tag: names, values (normalised), limits.</summary>
internal sealed partial class XmlStreamParser
{
    private int TagBody(ReadOnlySpan<byte> s, int i)
    {
        int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
        if (k != 0)
        {
            _sawSpace = true;
        }

        if (k < 0)
        {
            return s.Length;
        }

        i += k;
        byte b = s[i];
        int c = b;
        if (b >= 0x80 && DecodeScalar(s, i, out c) == 0)
        {
            return i;
        }

        if (!XmlChars.IsNameStartChar(c))
        {
            return EndOfTag(s, i);
        }

        if (!_sawSpace)
        {
            Fail(StreamErrorCondition.NotWellFormed, "Attributes must be separated by whitespace", i);
        }

        if (_attrCount == _options.MaxAttributes)
        {
            Fail(StreamErrorCondition.PolicyViolation, $"A start tag has more than MaxAttributes ({_options.MaxAttributes}) attributes", i);
        }

        if (_attrCount == _attrValues.Length)
        {
            int size = Math.Min(_attrCount * 2, _options.MaxAttributes);
            Array.Resize(ref _attrPrefixes, size);
            Array.Resize(ref _attrLocals, size);
            Array.Resize(ref _attrValues, size);
        }

        BeginToken(i);
        _state = State.AttrName;
        return i;
    }

    private int AttrName(ReadOnlySpan<byte> s, int i)
    {
        i = ScanName(s, i);
        if (i == s.Length || _needMore)
        {
            return i;
        }

        SplitQName(TakeToken(s, i), i, out _attrPrefixes[_attrCount], out _attrLocals[_attrCount]);
        _state = State.AttrEq;
        return i;
    }

    private int AttrEq(ReadOnlySpan<byte> s, int i)
    {
        int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
        if (k < 0)
        {
            return s.Length;
        }

        i += k;
        if (s[i] != '=')
        {
            Fail(StreamErrorCondition.NotWellFormed, "Expected '=' after an attribute name", i);
        }

        _state = State.AttrQuote;
        return i + 1;
    }

    private int AttrQuote(ReadOnlySpan<byte> s, int i)
    {
        int k = s[i..].IndexOfAnyExcept(XmlChars.Whitespace);
        if (k < 0)
        {
            return s.Length;
        }

        i += k;
        if (s[i] is not ((byte)'"' or (byte)'\''))
        {
            Fail(StreamErrorCondition.NotWellFormed, "Attribute values must be in single or double quotes", i);
        }

        _quote = s[i];
        BeginToken(i + 1);
        _state = State.AttrValue;
        return i + 1;
    }

    private int AttrValue(ReadOnlySpan<byte> s, int i)
    {
        if (_skipLineFeed)
        {
            i = SkipLineFeed(s, i);
        }

        var stops = _quote == '"' ? XmlChars.DoubleQuotedStops : XmlChars.SingleQuotedStops;
        while (true)
        {
            int k = s[i..].IndexOfAny(stops);
            if (k < 0)
            {
                return s.Length;
            }

            i += k;
            byte b = s[i];
            if (b == _quote)
            {
                StoreAttributeValue(TakeToken(s, i));
                _sawSpace = false;
                _state = State.TagBody;
                return i + 1;
            }

            switch (b)
            {
                case (byte)'&':
                    Spill(s, i);
                    BeginReference(State.AttrValue);
                    return i + 1;
                case (byte)'\t' or (byte)'\n':
                    Spill(s, i);
                    _scratch.Append((byte)' ');
                    ResumeToken(++i);
                    break;
                case (byte)'\r':
                    i = NormalizeLineEnd(s, i, (byte)' ');
                    break;
                case (byte)'<':
                    Fail(StreamErrorCondition.NotWellFormed, "'<' is not allowed in an attribute value (write &lt;)", i);
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

    private void StoreAttributeValue(ReadOnlySpan<byte> value)
    {
        string prefix = _attrPrefixes[_attrCount];
        bool declaration = prefix == "xmlns" || (prefix.Length == 0 && _attrLocals[_attrCount] == "xmlns");
        _attrValues[_attrCount++] = declaration ? _names.Get(value) : XmlNameTable.GetValue(value);
    }
}
