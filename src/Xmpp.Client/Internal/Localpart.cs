using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>
/// RFC 7622 §3.3 localpart rules: the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3: width mapping, lower-casing,
/// NFC, IdentifierClass) plus the eight characters XMPP forbids (<c>" &amp; ' / : &lt; &gt; @</c>).
/// </summary>
internal static class Localpart
{
    /// <summary>Prepares a localpart; returns why it is invalid, or null with the canonical part.</summary>
    internal static string? Prepare(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (input.IsEmpty)
        {
            return JidErrors.LocalEmpty;
        }

        // Fast path: printable ASCII needs no normalisation, only lower-casing (done later while copying).
        bool hasUpper = false;
        foreach (char c in input)
        {
            if (c >= 0x80)
            {
                return PrepareUnicode(input, out part);
            }

            string? error = CheckAscii(c);
            if (error is not null)
            {
                return error;
            }

            hasUpper |= char.IsAsciiLetterUpper(c);
        }

        if (input.Length > JidErrors.MaxPartBytes)
        {
            return JidErrors.LocalTooLong;
        }

        part = new PreparedPart(input, hasUpper);
        return null;
    }

    private static string? CheckAscii(int c) => c switch
    {
        <= 0x20 or 0x7F => JidErrors.LocalSpaceOrControl,
        '"' or '&' or '\'' or '/' or ':' or '<' or '>' or '@' => JidErrors.LocalForbidden,
        _ => null,
    };

    private static string? PrepareUnicode(ReadOnlySpan<char> input, out PreparedPart part)
    {
        part = default;
        if (!UnicodeSupport.IsAvailable)
        {
            return JidErrors.NoUnicode;
        }

        if (!Utf16Text.IsWellFormed(input))
        {
            return JidErrors.LocalInvalidUtf16;
        }

        // RFC 8265 §3.3.2 order: width mapping, case mapping (toLowerCase: 'ß' and 'ς' stay), NFC.
#pragma warning disable CA1308 // RFC 8265 mandates lower case for localparts.
        string prepared = MapWidth(input).ToLowerInvariant().Normalize(NormalizationForm.FormC);
#pragma warning restore CA1308
        foreach (Rune rune in prepared.EnumerateRunes())
        {
            string? error = rune.IsAscii
                ? CheckAscii(rune.Value)
                : PrecisIdentifierClass.IsValidNonAscii(rune) ? null : JidErrors.LocalDisallowed;
            if (error is not null)
            {
                return error;
            }
        }

        if (!prepared.IsNormalized(NormalizationForm.FormKC))
        {
            return JidErrors.LocalCompatibility;
        }

        if (!Utf16Text.FitsPartLimit(prepared))
        {
            return JidErrors.LocalTooLong;
        }

        part = new PreparedPart(input.SequenceEqual(prepared) ? input : prepared);
        return null;
    }

    /// <summary>RFC 8265 §3.3.1 width mapping: fullwidth and halfwidth forms become their ordinary forms.</summary>
    private static string MapWidth(ReadOnlySpan<char> input)
    {
        if (input.IndexOfAnyInRange('\uFF01', '\uFFEE') < 0)
        {
            return input.ToString();
        }

        var mapped = new StringBuilder(input.Length);
        foreach (char c in input)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                mapped.Append((char)(c - 0xFEE0)); // Fullwidth ASCII.
            }
            else if (c is >= '\uFF5F' and <= '\uFFEE')
            {
                mapped.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                mapped.Append(c);
            }
        }

        return mapped.ToString();
    }
}
