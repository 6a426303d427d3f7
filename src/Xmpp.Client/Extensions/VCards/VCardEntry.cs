namespace Xmpp.Client.Extensions.VCards;

/// <summary>An EMAIL (its <c>USERID</c>) or TEL (its <c>NUMBER</c>) of a vCard, with its type flags.</summary>
/// <param name="Value">The address or the number.</param>
/// <param name="Types">The flags, as the element names XEP-0054 gives them: <c>HOME</c>, <c>WORK</c>, <c>INTERNET</c>,
/// <c>PREF</c>, <c>VOICE</c>, <c>CELL</c>, <c>FAX</c> …</param>
public sealed record VCardEntry(string Value, IReadOnlyList<string> Types)
{
    /// <summary>An entry without flags.</summary>
    /// <param name="value">The address or the number.</param>
    public VCardEntry(string value)
        : this(value, [])
    {
    }
}
