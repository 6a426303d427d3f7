using System.Buffers;

namespace Xmpp.Client.Xml;

/// <summary>Character classes of XML 1.0 (fifth edition) and the byte sets the parser scans for.</summary>
internal static class XmlChars
{
    private const byte NameStartFlag = 1;
    private const byte NameFlag = 2;

    private static readonly byte[] s_asciiFlags = BuildAsciiFlags();

    /// <summary>The four XML whitespace bytes (S).</summary>
    public static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>Bytes that end a run of plain text: markup, references, CR, forbidden controls, ']' (for "]]&gt;"), non-ASCII.</summary>
    public static readonly SearchValues<byte> TextStops = SearchValues.Create(Stops("<&]\r", lineFeedAndTabAreStops: false));

    /// <summary>Bytes that end a run of CDATA content.</summary>
    public static readonly SearchValues<byte> CDataStops = SearchValues.Create(Stops("]\r", lineFeedAndTabAreStops: false));

    /// <summary>Bytes that end a run of a double-quoted attribute value (whitespace is normalised, so it stops too).</summary>
    public static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create(Stops("\"<&", lineFeedAndTabAreStops: true));

    /// <summary>Bytes that end a run of a single-quoted attribute value.</summary>
    public static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create(Stops("'<&", lineFeedAndTabAreStops: true));

    /// <summary>Bytes that end a run of comment content.</summary>
    public static readonly SearchValues<byte> CommentStops = SearchValues.Create(Stops("-", lineFeedAndTabAreStops: false));

    /// <summary>Bytes that end a run of processing-instruction content.</summary>
    public static readonly SearchValues<byte> PiStops = SearchValues.Create(Stops("?", lineFeedAndTabAreStops: false));

    /// <summary>Bytes that matter while skipping text: markup, controls (CR among them), non-ASCII.</summary>
    public static readonly SearchValues<byte> SkippedTextStops = SearchValues.Create(Stops("<", lineFeedAndTabAreStops: false));

    /// <summary>Bytes that matter while skipping a tag: quotes, '/', '&gt;', '&lt;', controls (CR among them), non-ASCII.</summary>
    public static readonly SearchValues<byte> SkippedTagStops = SearchValues.Create(Stops("\"'/><", lineFeedAndTabAreStops: false));

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>Whether an ASCII byte may start a name (':' included, as XML 1.0 allows; the namespace check is separate).</summary>
    public static bool IsAsciiNameStart(byte b) => b < 0x80 && (s_asciiFlags[b] & NameStartFlag) != 0;

    public static bool IsAsciiNameChar(byte b) => b < 0x80 && (s_asciiFlags[b] & NameFlag) != 0;

    /// <summary>NameStartChar of XML 1.0 §2.3.</summary>
    public static bool IsNameStartChar(int c) => c < 0x80
        ? (s_asciiFlags[c] & NameStartFlag) != 0
        : c is (>= 0xC0 and <= 0xD6) or (>= 0xD8 and <= 0xF6) or (>= 0xF8 and <= 0x2FF) or (>= 0x370 and <= 0x37D)
            or (>= 0x37F and <= 0x1FFF) or 0x200C or 0x200D or (>= 0x2070 and <= 0x218F) or (>= 0x2C00 and <= 0x2FEF)
            or (>= 0x3001 and <= 0xD7FF) or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD) or (>= 0x10000 and <= 0xEFFFF);

    /// <summary>NameChar of XML 1.0 §2.3.</summary>
    public static bool IsNameChar(int c) => c < 0x80
        ? (s_asciiFlags[c] & NameFlag) != 0
        : IsNameStartChar(c) || c is 0xB7 or (>= 0x300 and <= 0x36F) or 0x203F or 0x2040;

    /// <summary>Char of XML 1.0 §2.2.</summary>
    public static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    /// <summary>Whether a string is an NCName (a name without a colon), checked per Unicode scalar.</summary>
    public static bool IsNCName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        bool first = true;
        for (int i = 0; i < name.Length; i++)
        {
            int c = name[i];
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                c = char.ConvertToUtf32(name[i], name[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }

            if (c == ':' || !(first ? IsNameStartChar(c) : IsNameChar(c)))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    private static byte[] Stops(string ascii, bool lineFeedAndTabAreStops)
    {
        var stops = new List<byte>();
        for (int b = 0; b < 0x20; b++)
        {
            if (lineFeedAndTabAreStops || (b != '\n' && b != '\t'))
            {
                stops.Add((byte)b);
            }
        }

        foreach (char c in ascii)
        {
            if (!stops.Contains((byte)c))
            {
                stops.Add((byte)c);
            }
        }

        for (int b = 0x80; b <= 0xFF; b++)
        {
            stops.Add((byte)b);
        }

        return [.. stops];
    }

    private static byte[] BuildAsciiFlags()
    {
        var flags = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            bool start = c is ':' or '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');
            bool name = start || c is '-' or '.' or (>= '0' and <= '9');
            flags[c] = (byte)((start ? NameStartFlag : 0) | (name ? NameFlag : 0));
        }

        return flags;
    }
}
