using System.Buffers;
using System.Text;
using static Xmpp.Client.Sasl.SaslPrepTables;

namespace Xmpp.Client.Sasl;

/// <summary>
/// SASLprep (RFC 4013): the stringprep (RFC 3454) profile SCRAM applies to user names and passwords so that
/// equivalent spellings of a password produce the same bytes.
/// </summary>
/// <remarks>
/// <para>Steps: map non-ASCII spaces (C.1.2) to U+0020 and the "commonly mapped to nothing" characters (B.1) to
/// nothing (B.1 first, so U+200B, listed in both, disappears); normalize with NFKC; reject C.1.2, C.2.1, C.2.2, C.3–C.9;
/// apply the bidirectional rules of RFC 3454 §6.</para>
/// <para>Unassigned code points are allowed, as RFC 3454 §7 does for queries, although RFC 5802 §2.2 asks SCRAM to
/// treat the password as a stored string. Rejecting them would make SCRAM unusable for every password that contains a
/// character newer than Unicode 3.2 (emoji, for example), and a client cannot store anything: it only presents the
/// password to a server that decides. NFKC is the platform's (a newer Unicode than 3.2); the two agree on every
/// character Unicode 3.2 assigned except a handful of corrected decompositions.</para>
/// <para>Strings of printable ASCII pass unchanged without any work. Error messages never contain the string or the
/// offending character, since it may be a password.</para>
/// </remarks>
internal static class SaslPrep
{
    /// <summary>Prepares <paramref name="value"/> with SASLprep.</summary>
    /// <param name="value">The string to prepare.</param>
    /// <param name="what">What the string is, for the error message (such as <c>password</c>).</param>
    /// <returns>The prepared string (possibly empty).</returns>
    /// <exception cref="ArgumentException">The string contains a prohibited character or breaks the bidirectional rules.</exception>
    public static string Prepare(string value, string what)
    {
        if (IsPrintableAscii(value))
        {
            return value;
        }

        if (!Internal.UnicodeSupport.IsAvailable)
        {
            throw new ArgumentException($"The {what} has characters beyond printable ASCII, and {Internal.UnicodeSupport.Advice}.");
        }

        string normalized = Map(value, what).Normalize(NormalizationForm.FormKC);
        bool hasRandAL = false;
        bool hasL = false;
        int first = -1;
        int last = -1;
        foreach (Rune rune in normalized.EnumerateRunes())
        {
            int codePoint = rune.Value;
            string? prohibited = DescribeProhibited(codePoint);
            if (prohibited is not null)
            {
                throw Invalid(what, $"contains {prohibited}, which SASLprep (RFC 4013) prohibits");
            }

            hasRandAL |= Contains(RandALCat, codePoint);
            hasL |= Contains(LCat, codePoint);
            first = first < 0 ? codePoint : first;
            last = codePoint;
        }

        if (hasRandAL && (hasL || !Contains(RandALCat, first) || !Contains(RandALCat, last)))
        {
            throw Invalid(what, "mixes right-to-left and left-to-right text in a way SASLprep (RFC 3454 §6) forbids");
        }

        return normalized;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    // RFC 4013 §2.1. Also rejects unpaired surrogates (C.5) and non-characters (C.4) here, as .NET's normalization
    // throws on them; NFKC leaves both unchanged, so rejecting them before step 2 gives the same result.
    private static string Map(string value, string what)
    {
        var builder = new StringBuilder(value.Length);
        Span<char> utf16 = stackalloc char[2];
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out Rune rune, out int consumed) != OperationStatus.Done)
            {
                throw Invalid(what, "contains an unpaired surrogate, which SASLprep (RFC 4013) prohibits");
            }

            rest = rest[consumed..];
            if (Contains(NonCharacter, rune.Value))
            {
                throw Invalid(what, "contains a non-character code point, which SASLprep (RFC 4013) prohibits");
            }

            if (Contains(MappedToNothing, rune.Value))
            {
                continue;
            }

            if (Contains(NonAsciiSpace, rune.Value))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }

        return builder.ToString();
    }

    private static string? DescribeProhibited(int codePoint)
    {
        if (Contains(NonAsciiSpace, codePoint))
        {
            return "a non-ASCII space character";
        }

        if (Contains(Control, codePoint))
        {
            return "a control character";
        }

        if (Contains(PrivateUse, codePoint))
        {
            return "a private-use character";
        }

        if (Contains(NotPlainText, codePoint) || Contains(NotCanonical, codePoint))
        {
            return "a character that is not meant for plain text";
        }

        if (Contains(DisplayChanging, codePoint))
        {
            return "a character that changes text direction or is deprecated";
        }

        return Contains(Tagging, codePoint) ? "a language tagging character" : null;
    }

    private static ArgumentException Invalid(string what, string problem) =>
        new($"The {what} {problem}.");
}
