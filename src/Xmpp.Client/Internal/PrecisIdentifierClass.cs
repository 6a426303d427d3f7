using System.Globalization;
using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>
/// The PRECIS IdentifierClass (RFC 8264 §4.2, §9) for non-ASCII code points, as the UsernameCaseMapped profile
/// that RFC 7622 uses for localparts needs it. Derived from Unicode general categories with the RFC 5892 exceptions;
/// HasCompat is checked on the whole string by the caller (an NFC string has no compatibility character exactly
/// when it is also in NFKC).
/// </summary>
/// <remarks>
/// Simplifications, all on the strict side: the contextual characters (ZWJ/ZWNJ, middle dot, Greek keraia, Hebrew
/// geresh/gershayim, katakana middle dot) are rejected rather than checked in context, and mixing Arabic-Indic with
/// extended Arabic-Indic digits is not detected. The Bidi rule of RFC 5893 is not applied.
/// </remarks>
internal static class PrecisIdentifierClass
{
    /// <summary>True when the non-ASCII <paramref name="rune"/> is PVALID in the IdentifierClass.</summary>
    internal static bool IsValidNonAscii(Rune rune)
    {
        int cp = rune.Value;
        switch (cp)
        {
            // RFC 5892 §2.6 exceptions: PVALID whatever their category.
            case 0x06FD or 0x06FE or 0x0F0B or 0x3007:
                return true;

            // RFC 5892 §2.6 exceptions: DISALLOWED although they are letters.
            case 0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B:
                return false;
        }

        if (IsOldHangulJamo(cp) || IsIgnorableLetterOrMark(cp))
        {
            return false;
        }

        // LetterDigits (RFC 8264 §9.1): Ll, Lu, Lo, Nd, Lm, Mn, Mc. Everything else (symbols, punctuation, spaces,
        // controls, format characters, Lt/Nl/No/Me, private use, unassigned) is disallowed in identifiers.
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ModifierLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }

    /// <summary>Conjoining Hangul jamo (RFC 8264 §9.10): after NFC, any left over are disallowed.</summary>
    private static bool IsOldHangulJamo(int cp) =>
        cp is (>= 0x1100 and <= 0x11FF) or (>= 0xA960 and <= 0xA97F) or (>= 0xD7B0 and <= 0xD7FF);

    /// <summary>
    /// Default-ignorable code points whose category is a letter or mark (RFC 8264 §9.13); the other ones are
    /// format characters or unassigned and already fail the category test.
    /// </summary>
    private static bool IsIgnorableLetterOrMark(int cp) =>
        cp is 0x034F or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x3164 or (>= 0xFE00 and <= 0xFE0F)
            or 0xFFA0 or (>= 0xE0100 and <= 0xE01EF);
}
