using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>Checks the pseudo-attributes of an XML declaration (XML 1.0 §2.8): version 1.x, UTF-8, standalone.</summary>
internal static class XmlDeclaration
{
    /// <summary>Validates what follows <c>&lt;?xml</c> up to <c>?&gt;</c>.</summary>
    /// <param name="content">The bytes between the target and <c>?&gt;</c>, e.g. <c> version='1.0' encoding='UTF-8'</c>.</param>
    /// <param name="condition">The stream error condition when invalid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    public static bool TryValidate(ReadOnlySpan<byte> content, out StreamErrorCondition condition, [NotNullWhen(false)] out string? error)
    {
        condition = StreamErrorCondition.NotWellFormed;
        int p = 0;
        if (!SkipWhitespace(content, ref p) || !TryPseudoAttribute(content, ref p, "version"u8, out ReadOnlySpan<byte> version))
        {
            error = "The XML declaration must start with a version (<?xml version='1.0'?>)";
            return false;
        }

        if (version.Length < 3 || !version.StartsWith("1."u8) || version[2..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            error = $"Unsupported XML version '{Encoding.ASCII.GetString(version)}'";
            return false;
        }

        int save = p;
        if (SkipWhitespace(content, ref p) && TryPseudoAttribute(content, ref p, "encoding"u8, out ReadOnlySpan<byte> encoding))
        {
            if (!Ascii.EqualsIgnoreCase(encoding, "UTF-8"u8) && !Ascii.EqualsIgnoreCase(encoding, "UTF8"u8))
            {
                condition = StreamErrorCondition.UnsupportedEncoding;
                error = $"The stream declares the encoding '{Encoding.ASCII.GetString(encoding)}'; XMPP streams must be UTF-8 (RFC 6120 §11.6)";
                return false;
            }

            save = p;
        }

        p = save;
        if (SkipWhitespace(content, ref p) && TryPseudoAttribute(content, ref p, "standalone"u8, out ReadOnlySpan<byte> standalone))
        {
            if (!standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
            {
                error = "The XML declaration's standalone must be 'yes' or 'no'";
                return false;
            }

            save = p;
        }

        p = save;
        SkipWhitespace(content, ref p);
        if (p != content.Length)
        {
            error = "Malformed XML declaration";
            return false;
        }

        error = null;
        return true;
    }

    private static bool SkipWhitespace(ReadOnlySpan<byte> content, ref int p)
    {
        int start = p;
        while (p < content.Length && XmlChars.IsWhitespace(content[p]))
        {
            p++;
        }

        return p > start;
    }

    private static bool TryPseudoAttribute(ReadOnlySpan<byte> content, ref int p, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!content[p..].StartsWith(name))
        {
            return false;
        }

        int q = p + name.Length;
        SkipWhitespace(content, ref q);
        if (q == content.Length || content[q] != '=')
        {
            return false;
        }

        q++;
        SkipWhitespace(content, ref q);
        if (q == content.Length || content[q] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        int end = content[(q + 1)..].IndexOf(content[q]);
        if (end < 0)
        {
            return false;
        }

        value = content.Slice(q + 1, end);
        p = q + end + 2;
        return true;
    }
}
