namespace Xmpp.Client.Xml;

/// <summary>Attributes of a start tag: names, values (normalised), limits.</summary>
internal sealed partial class XmlStreamParser
{
    private int TagBody(ReadOnlySpan<byte> s, int i)
    {
        i = SkipWhitespace(s, i, ref _sawSpace);
        if (i == s.Length)
        {
            return i;
        }

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

        return StartAttribute(i);
    }

    /// <summary>Begins an attribute name at <paramref name="i"/>, enforcing <see cref="XmlStreamReaderOptions.MaxAttributes"/>.</summary>
    private int StartAttribute(int i)
    {
        if (_attrCount == _options.MaxAttributes)
        {
            _state = State.TagBody; // the tag's name and earlier attributes are read; this one starts at i
            return BreakLimit($"A start tag has more than MaxAttributes ({_options.MaxAttributes}) attributes", i);
        }

        if (_attrCount == _attrValues.Length)
        {
            GrowAttributes();
        }

        BeginToken(i);
        _state = State.AttrName;
        return i;
    }

    private void GrowAttributes()
    {
        int size = Math.Min(_attrValues.Length * 2, _options.MaxAttributes);
        Array.Resize(ref _attrPrefixes, size);
        Array.Resize(ref _attrLocals, size);
        Array.Resize(ref _attrValues, size);
        Array.Resize(ref _attrNames, size);
        Array.Resize(ref _attrOffsets, size);
        Array.Resize(ref _attrLengths, size);
        Array.Resize(ref _attrAscii, size);
    }

    /// <summary>Skips XML whitespace (usually one byte, so no vectorised search); notes whether there was any.</summary>
    private static int SkipWhitespace(ReadOnlySpan<byte> s, int i, ref bool sawSpace)
    {
        while (i < s.Length && XmlChars.IsWhitespace(s[i]))
        {
            sawSpace = true;
            i++;
        }

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
        _attrNames[_attrCount] = null;
        if (i + 1 < s.Length && s[i] == '=' && s[i + 1] is (byte)'"' or (byte)'\'')
        {
            // The usual name="value": straight into the value.
            _quote = s[i + 1];
            BeginToken(i + 2);
            _state = State.AttrValue;
            return AttrValue(s, i + 2);
        }

        _state = State.AttrEq;
        return i;
    }

    private int AttrEq(ReadOnlySpan<byte> s, int i)
    {
        bool sawSpace = false;
        i = SkipWhitespace(s, i, ref sawSpace);
        if (i == s.Length)
        {
            return i;
        }

        if (s[i] != '=')
        {
            Fail(StreamErrorCondition.NotWellFormed, "Expected '=' after an attribute name", i);
        }

        _state = State.AttrQuote;
        return i + 1;
    }

    private int AttrQuote(ReadOnlySpan<byte> s, int i)
    {
        bool sawSpace = false;
        i = SkipWhitespace(s, i, ref sawSpace);
        if (i == s.Length)
        {
            return i;
        }

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
                return AfterAttributeValue(s, i + 1);
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

    /// <summary>After a closing quote: the usual '&gt;', '/&gt;' or ' name' are taken at once, anything else by <see cref="TagBody"/>.</summary>
    private int AfterAttributeValue(ReadOnlySpan<byte> s, int i)
    {
        if (i + 1 < s.Length)
        {
            byte next = s[i];
            if (next == '>')
            {
                return CompleteStartTag(s, i, selfClosing: false);
            }

            if (next == '/' && s[i + 1] == '>')
            {
                return CompleteStartTag(s, i + 1, selfClosing: true);
            }

            if (next == ' ' && s[i + 1] != ':' && XmlChars.IsAsciiNameStart(s[i + 1]))
            {
                return StartAttribute(i + 1);
            }
        }

        _sawSpace = false;
        _state = State.TagBody;
        return i;
    }

    private void StoreAttributeValue(ReadOnlySpan<byte> value)
    {
        if (IsDeclaration(_attrCount))
        {
            _declarations++;
            _attrValues[_attrCount] = _names.Get(value);
        }
        else
        {
            KeepValue(_attrCount, value, !_tokenNonAscii);
        }

        _attrCount++;
    }

    /// <summary>Keeps the (checked and decoded) value of the attribute at <paramref name="index"/> in the stanza's UTF-8.</summary>
    private void KeepValue(int index, ReadOnlySpan<byte> value, bool ascii)
    {
        _attrOffsets[index] = _values.Length;
        _attrLengths[index] = value.Length;
        _attrAscii[index] = ascii;
        _values.Append(value);
    }
}
