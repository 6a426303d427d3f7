namespace Xmpp.Client.Xml;

/// <summary>Start tags, attributes and end tags.</summary>
internal sealed partial class XmlStreamParser
{
    private string _tagPrefix = "";
    private string _tagLocal = "";
    private int _attrCount;
    private string[] _attrPrefixes;
    private string[] _attrLocals;
    private string[] _attrValues; // namespace declarations: the namespace name
    private QName?[] _attrNames; // the fast path's names (which keep their number in the string table)
    private int[] _attrOffsets; // other attributes: where the value's UTF-8 is in _values
    private int[] _attrLengths;
    private bool[] _attrAscii;
    private QName? _tagName; // the fast path's tag name
    private byte _quote;
    private bool _sawSpace;

    private int TagOpen(ReadOnlySpan<byte> s, int i)
    {
        byte b = s[i];
        bool atDocumentStart = _atDocumentStart;
        _atDocumentStart = false;
        switch (b)
        {
            case (byte)'/':
                if (!_inStream)
                {
                    Fail(StreamErrorCondition.NotWellFormed, "An end tag cannot come before the stream header", i);
                }

                EndText(s);
                ReadOnlySpan<byte> open = _openNames.Span[_openNameStarts[_depth]..];
                int end = i + 1 + open.Length;
                if (end < s.Length && s[end] == '>' && s.Slice(i + 1, open.Length).SequenceEqual(open))
                {
                    // The usual </name> of the open element, whole in this span.
                    return CompleteEndTag(end);
                }

                BeginToken(i + 1);
                _state = State.EndTagName;
                return i + 1;
            case (byte)'!':
                SuspendText(s);
                _bangMatched = 0;
                _state = State.Bang;
                return i + 1;
            case (byte)'?':
                SuspendText(s);
                _xmlDeclarationAllowed = atDocumentStart;
                _piLength = 0;
                _state = State.PiTarget;
                return i + 1;
        }

        int c = b;
        if (b >= 0x80 && DecodeScalar(s, i, out c) == 0)
        {
            _atDocumentStart = atDocumentStart;
            return i;
        }

        if (!XmlChars.IsNameStartChar(c))
        {
            if (b == 0 && !_inStream)
            {
                Fail(StreamErrorCondition.UnsupportedEncoding, "The stream looks like UTF-16; XMPP streams must be UTF-8 (RFC 6120 §11.6)", i);
            }

            Fail(StreamErrorCondition.NotWellFormed, "'<' must be followed by a name, '/', '!' or '?' (write &lt; for '<')", i);
        }

        if (_depth == _options.MaxDepth)
        {
            _state = State.TagOpen;
            return BreakLimit($"Elements are nested deeper than MaxDepth ({_options.MaxDepth})", i);
        }

        EndText(s);
        if (_inStream)
        {
            int next = TryStartTag(s, i);
            if (next >= 0)
            {
                return next;
            }
        }

        BeginToken(i);
        _state = State.StartTagName;
        return i;
    }

    private int StartTagName(ReadOnlySpan<byte> s, int i)
    {
        i = ScanName(s, i);
        if (i == s.Length || _needMore)
        {
            return i;
        }

        ReadOnlySpan<byte> name = TakeToken(s, i);
        int level = _inStream ? _depth + 1 : 0;
        _openNameStarts[level] = _openNames.Length;
        _openNames.Append(name);
        SplitQName(name, i, out _tagPrefix, out _tagLocal);
        _tagName = null;
        _attrCount = 0;
        _declarations = 0;

        byte b = s[i];
        if (XmlChars.IsWhitespace(b))
        {
            if (b == ' ' && i + 1 < s.Length && s[i + 1] != ':' && XmlChars.IsAsciiNameStart(s[i + 1]))
            {
                return StartAttribute(i + 1);
            }

            _sawSpace = true;
            _state = State.TagBody;
            return i + 1;
        }

        return EndOfTag(s, i);
    }

    /// <summary>After a tag name or attribute: '&gt;' completes the start tag, '/' starts '/&gt;'.</summary>
    private int EndOfTag(ReadOnlySpan<byte> s, int i)
    {
        switch (s[i])
        {
            case (byte)'>':
                return CompleteStartTag(s, i, selfClosing: false);
            case (byte)'/':
                _state = State.EmptyTagEnd;
                return i + 1;
            default:
                Fail(StreamErrorCondition.NotWellFormed, "Expected whitespace, an attribute, '/>' or '>' in a start tag", i);
                return i;
        }
    }

    private int EmptyTagEnd(ReadOnlySpan<byte> s, int i)
    {
        if (s[i] != '>')
        {
            Fail(StreamErrorCondition.NotWellFormed, "Expected '>' after '/' in a start tag", i);
        }

        return CompleteStartTag(s, i, selfClosing: true);
    }

    private int EndTagName(ReadOnlySpan<byte> s, int i)
    {
        i = ScanName(s, i);
        if (i == s.Length || _needMore)
        {
            return i;
        }

        ReadOnlySpan<byte> name = TakeToken(s, i);
        ReadOnlySpan<byte> open = _openNames.Span[_openNameStarts[_depth]..];
        if (!name.SequenceEqual(open))
        {
            Fail(StreamErrorCondition.NotWellFormed, $"The end tag '</{Show(name)}>' does not match the open element '<{Show(open)}>'", i);
        }

        if (s[i] == '>')
        {
            return CompleteEndTag(i);
        }

        _state = State.EndTagTail;
        return i;
    }

    private int EndTagTail(ReadOnlySpan<byte> s, int i)
    {
        bool sawSpace = false;
        i = SkipWhitespace(s, i, ref sawSpace);
        if (i == s.Length)
        {
            return i;
        }

        if (s[i] != '>')
        {
            Fail(StreamErrorCondition.NotWellFormed, "Expected '>' to close an end tag", i);
        }

        return CompleteEndTag(i);
    }

    /// <summary>Skips name characters (the first was checked by the caller); stops at the first other byte.</summary>
    private int ScanName(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                if (!XmlChars.IsAsciiNameChar(b))
                {
                    return i;
                }

                i++;
                continue;
            }

            int length = DecodeScalar(s, i, out int c);
            if (length == 0)
            {
                return i;
            }

            if (!XmlChars.IsNameChar(c))
            {
                Fail(StreamErrorCondition.NotWellFormed, $"The character U+{c:X4} cannot appear in a name", i);
            }

            i += length;
        }

        return i;
    }

    /// <summary>Splits a qualified name at its colon (Namespaces in XML §4) and interns both parts.</summary>
    private void SplitQName(ReadOnlySpan<byte> name, int i, out string prefix, out string local)
    {
        int colon = name.IndexOf((byte)':');
        if (colon < 0)
        {
            prefix = "";
            local = _names.Get(name);
            return;
        }

        ReadOnlySpan<byte> rest = name[(colon + 1)..];
        if (colon == 0 || rest.IsEmpty || rest.Contains((byte)':') || !StartsWithNameStart(rest))
        {
            Fail(StreamErrorCondition.NotWellFormed, $"'{Show(name)}' is not a valid qualified name", i);
        }

        prefix = _names.Get(name[..colon]);
        local = _names.Get(rest);
    }

    private static bool StartsWithNameStart(ReadOnlySpan<byte> name)
    {
        System.Text.Rune.DecodeFromUtf8(name, out System.Text.Rune first, out _);
        return XmlChars.IsNameStartChar(first.Value);
    }
}
