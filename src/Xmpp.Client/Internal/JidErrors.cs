namespace Xmpp.Client.Internal;

/// <summary>
/// Why a JID or one of its parts was rejected. Constants, so that <c>TryParse</c> reports failure without
/// allocating; the throwing APIs wrap them in a message.
/// </summary>
internal static class JidErrors
{
    /// <summary>RFC 7622 §3.3–3.4: each part is at most 1023 bytes in UTF-8.</summary>
    internal const int MaxPartBytes = 1023;

    internal const string Empty = "the text is empty";

    internal const string NoUnicode = "it has non-ASCII characters, and " + UnicodeSupport.Advice;

    internal const string LocalEmpty = "the localpart before '@' is empty";
    internal const string LocalTooLong = "the localpart is longer than 1023 bytes in UTF-8";
    internal const string LocalForbidden =
        "the localpart contains one of \" & ' / : < > @, which RFC 7622 forbids there (Jid.EscapeLocal escapes them)";
    internal const string LocalSpaceOrControl = "the localpart contains a space or a control character";
    internal const string LocalDisallowed =
        "the localpart contains a character the PRECIS IdentifierClass disallows " +
        "(a symbol, punctuation, space, format or control character, or an unassigned code point)";
    internal const string LocalCompatibility =
        "the localpart contains a compatibility character (one that NFKC changes, such as 'Ⅳ' or a ligature)";
    internal const string LocalInvalidUtf16 = "the localpart contains an unpaired surrogate (not valid UTF-16)";

    internal const string DomainEmpty = "the domainpart is empty";
    internal const string DomainTooLong = "the domainpart is longer than a DNS name allows (253 characters in ASCII form)";
    internal const string DomainEmptyLabel = "the domainpart has an empty label (a leading dot or two dots in a row)";
    internal const string DomainLabelTooLong = "a label of the domainpart is longer than 63 characters";
    internal const string DomainInvalidCharacter =
        "the domainpart contains a character other than letters, digits, '-' and '.'";
    internal const string DomainHyphen =
        "a label of the domainpart starts or ends with '-', or has '--' in its third and fourth positions";
    internal const string DomainNotIdna =
        "the domainpart is not a valid internationalized domain name (UTS #46 with STD3 rules)";
    internal const string DomainIPLiteral = "the domainpart starts with '[' but is not a bracketed IPv6 address";
    internal const string DomainInvalidUtf16 = "the domainpart contains an unpaired surrogate (not valid UTF-16)";

    internal const string ResourceEmpty = "the resourcepart after '/' is empty";
    internal const string ResourceTooLong = "the resourcepart is longer than 1023 bytes in UTF-8";
    internal const string ResourceControl = "the resourcepart contains a control character";
    internal const string ResourceInvalidUtf16 = "the resourcepart contains an unpaired surrogate (not valid UTF-16)";

    /// <summary>The message of the <see cref="FormatException"/> thrown for <paramref name="text"/>.</summary>
    internal static string Describe(ReadOnlySpan<char> text, string reason)
    {
        const int Shown = 100;
        string shown = text.Length <= Shown ? text.ToString() : string.Concat(text[..Shown], "…");
        return $"\"{shown}\" is not a valid JID: {reason}.";
    }
}
