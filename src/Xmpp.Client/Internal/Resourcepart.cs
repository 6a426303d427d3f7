using System.Globalization;
using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>
/// RFC 7622 §3.4 resourcepart rules: the PRECIS OpaqueString profile (RFC 8265 §4.2) — non-ASCII spaces become
/// U+0020, NFC, case kept — with control characters rejected.
/// </summary>
/// <remarks>
/// Deliberately lenient beyond that: resources arrive from servers that still use stringprep and from MUC
/// nicknames with emoji (ZWJ sequences, variation selectors), so default-ignorable and not-yet-assigned code points
/// are accepted rather than making such stanzas unparseable. Comparison stays exact (ordinal, after NFC).
/// </remarks>
internal static class Resourcepart
{
    /// <summary>Prepares a resourcepart; returns why it is invalid, or null with the canonical part.</summary>
    internal static string? Prepare(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (input.IsEmpty)
        {
            return JidErrors.ResourceEmpty;
        }

        // Fast path: ASCII is already NFC and keeps its case.
        foreach (char c in input)
        {
            if (c >= 0x80)
            {
                return PrepareUnicode(input, out part);
            }

            if (c < 0x20 || c == 0x7F)
            {
                return JidErrors.ResourceControl;
            }
        }

        if (input.Length > JidErrors.MaxPartBytes)
        {
            return JidErrors.ResourceTooLong;
        }

        part = new PreparedPart(input);
        return null;
    }

    private static string? PrepareUnicode(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (!UnicodeSupport.IsAvailable)
        {
            return JidErrors.NoUnicode;
        }

        if (!Utf16Text.IsWellFormed(input))
        {
            return JidErrors.ResourceInvalidUtf16;
        }

        var spaced = new StringBuilder(input.Length);
        foreach (char c in input)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control)
            {
                return JidErrors.ResourceControl;
            }

            // Every space separator (Zs) is in the BMP, so a char-by-char mapping is exact.
            spaced.Append(category == UnicodeCategory.SpaceSeparator ? ' ' : c);
        }

        string prepared = spaced.ToString().Normalize(NormalizationForm.FormC);
        if (!Utf16Text.FitsPartLimit(prepared))
        {
            return JidErrors.ResourceTooLong;
        }

        part = new PreparedPart(input.SequenceEqual(prepared) ? input : prepared);
        return null;
    }
}
