using System.Buffers;
using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// The fast path for start tags: a whole tag that lies within the span, with ASCII names and values free of
/// references and whitespace to normalise (nearly every tag an XMPP server sends), read in one pass. Anything else
/// (the span ends inside the tag, a reference, an error, a limit) leaves the tag to the state machine, which reads it
/// from its first byte again: a tag is scanned at most twice, and the state machine reports every error.
/// </summary>
internal sealed partial class XmlStreamParser
{
    private QNameCache? _qnames;
    private QName? _lastTag;

    private QNameCache QNames => _qnames ??= new QNameCache(_names);

    /// <summary>
    /// Reads the start tag of an element inside the stream whose name begins at <paramref name="i"/> (right after
    /// '&lt;'; the text before it is already ended, the depth checked) and completes it; returns where parsing goes
    /// on, or -1 if the state machine must read it.
    /// </summary>
    private int TryStartTag(ReadOnlySpan<byte> s, int i)
    {
        int valuesBefore = _values.Length;
        int next = ReadStartTag(s, i);
        if (next < 0)
        {
            // The state machine reads the tag again: forget the values kept so far.
            _values.Truncate(_values.Length - valuesBefore);
        }

        return next;
    }

    private int ReadStartTag(ReadOnlySpan<byte> s, int i)
    {
        QName? tag = _lastTag?.NextTag;
        int nameEnd;
        if (tag is not null && tag.IsNameAt(s, i))
        {
            nameEnd = i + tag.Utf8.Length;
        }
        else
        {
            nameEnd = s[i] == ':' ? -1 : NameEnd(s, i);
            if (nameEnd < 0 || (tag = QNames.Get(s[i..nameEnd])) is null)
            {
                return -1;
            }

            if (_lastTag is not null && tag.IsCached)
            {
                _lastTag.NextTag = tag;
            }
        }

        _lastTag = tag;
        int count = 0;
        int declarations = 0;
        int p = nameEnd;
        while (true)
        {
            bool space = false;
            while (XmlChars.IsWhitespace(s[p]))
            {
                space = true;
                if (++p == s.Length)
                {
                    return -1;
                }
            }

            byte b = s[p];
            if (b == '>' || (b == '/' && p + 1 < s.Length && s[p + 1] == '>'))
            {
                _openNameStarts[_depth + 1] = _openNames.Length;
                if (b == '>')
                {
                    _openNames.Append(s[i..nameEnd]);
                }

                _tagPrefix = tag.Prefix;
                _tagLocal = tag.Local;
                _tagName = tag;
                _attrCount = count;
                _declarations = declarations;
                return b == '>' ? CompleteStartTag(s, p, selfClosing: false) : CompleteStartTag(s, p + 1, selfClosing: true);
            }

            if (!space || count == _options.MaxAttributes)
            {
                return -1;
            }

            p = TryAttribute(s, p, tag, count, ref declarations);
            if (p < 0)
            {
                return -1;
            }

            count++;
        }
    }

    /// <summary>
    /// Reads the attribute at <paramref name="p"/>, the <paramref name="index"/>th of <paramref name="tag"/>, into the
    /// attribute arrays, counting declarations; returns where it ends (with a byte after it in the span), or -1 if the state machine must read it.
    /// </summary>
    private int TryAttribute(ReadOnlySpan<byte> s, int p, QName tag, int index, ref int declarations)
    {
        QName? attribute = tag.AttributeAt(index);
        int nameEnd;
        if (attribute is not null && attribute.IsAt(s, p, (byte)'='))
        {
            nameEnd = p + attribute.Utf8.Length;
        }
        else
        {
            nameEnd = s[p] == ':' ? -1 : NameEnd(s, p);
            if (nameEnd < 0 || s[nameEnd] != '=' || (attribute = QNames.Get(s[p..nameEnd])) is null)
            {
                return -1;
            }

            if (attribute.IsCached)
            {
                tag.RememberAttribute(index, attribute);
            }
        }

        if (nameEnd + 2 >= s.Length || s[nameEnd + 1] is not ((byte)'"' or (byte)'\''))
        {
            return -1;
        }

        byte quote = s[nameEnd + 1];
        int valueStart = nameEnd + 2;
        string? value = attribute.IsDeclaration ? tag.ValueAt(index) : null;
        int valueEnd;
        bool ascii = true;
        if (value is not null && QName.IsValueAt(s, valueStart, value, quote))
        {
            valueEnd = valueStart + value.Length;
        }
        else
        {
            valueEnd = ValueEnd(s, valueStart, quote, out ascii);
            if (valueEnd < 0)
            {
                return -1;
            }

            if (attribute.IsDeclaration)
            {
                value = _names.Get(s[valueStart..valueEnd]);
                if (ascii && ReferenceEquals(attribute, tag.AttributeAt(index)))
                {
                    tag.RememberValue(index, value);
                }
            }
        }

        if (valueEnd + 1 == s.Length)
        {
            return -1;
        }

        if (index == _attrValues.Length)
        {
            GrowAttributes();
        }

        if (attribute.IsDeclaration)
        {
            declarations++;
            _attrValues[index] = value!;
        }
        else
        {
            KeepValue(index, s[valueStart..valueEnd], ascii);
        }

        _attrPrefixes[index] = attribute.Prefix;
        _attrLocals[index] = attribute.Local;
        _attrNames[index] = attribute;
        return valueEnd + 1;
    }

    /// <summary>Where the ASCII name starting at <paramref name="i"/> ends; -1 if the span ends first or a non-ASCII byte follows.</summary>
    private static int NameEnd(ReadOnlySpan<byte> s, int i)
    {
        if (!XmlChars.IsAsciiNameStart(s[i]))
        {
            return -1;
        }

        do
        {
            if (++i == s.Length)
            {
                return -1;
            }
        }
        while (XmlChars.IsAsciiNameChar(s[i]));
        return s[i] < 0x80 ? i : -1;
    }

    /// <summary>
    /// Where the attribute value starting at <paramref name="i"/> ends (at its closing quote); -1 if the span ends
    /// first or the value needs the state machine (a reference, whitespace to normalise, an error).
    /// </summary>
    private static int ValueEnd(ReadOnlySpan<byte> s, int i, byte quote, out bool ascii)
    {
        ascii = true;
        SearchValues<byte> stops = quote == '"' ? XmlChars.DoubleQuotedStops : XmlChars.SingleQuotedStops;
        while (true)
        {
            int k = s[i..].IndexOfAny(stops);
            if (k < 0)
            {
                return -1;
            }

            i += k;
            if (s[i] == quote)
            {
                return i;
            }

            if (s[i] < 0x80)
            {
                return -1;
            }

            ascii = false;
            i = SkipValidNonAscii(s, i);
            if (i < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Skips a run of non-ASCII characters that are valid UTF-8 and allowed in XML; -1 if one is not or the span ends in one.</summary>
    private static int SkipValidNonAscii(ReadOnlySpan<byte> s, int i)
    {
        do
        {
            if (Rune.DecodeFromUtf8(s[i..], out Rune rune, out int length) != OperationStatus.Done || rune.Value is 0xFFFE or 0xFFFF)
            {
                return -1;
            }

            i += length;
        }
        while (i < s.Length && s[i] >= 0x80);
        return i;
    }

    /// <summary>A string from UTF-8 bytes; <paramref name="ascii"/> says they are all ASCII, which only need widening.</summary>
    private static string NewString(ReadOnlySpan<byte> utf8, bool ascii) =>
        ascii ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);
}
