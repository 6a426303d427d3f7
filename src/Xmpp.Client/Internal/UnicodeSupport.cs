using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>
/// Whether the runtime can prepare Unicode text: normalization (NFC, NFKC) and IDNA mapping come from ICU (or Windows),
/// which a process with <c>InvariantGlobalization</c> does not load; then <see cref="string.Normalize()"/> returns its
/// input unchanged and <see cref="System.Globalization.IdnMapping"/> maps nothing. ASCII needs neither.
/// </summary>
internal static class UnicodeSupport
{
    /// <summary>True when "A" followed by a combining ring normalizes to "Å" (it does wherever ICU or Windows serves).</summary>
    public static bool IsAvailable { get; } = "\u0041\u030A".Normalize(NormalizationForm.FormC) == "\u00C5";

    /// <summary>What to do about it, for the errors.</summary>
    public const string Advice =
        "this process runs with InvariantGlobalization, without the Unicode normalization RFC 7622 and SASLprep need; " +
        "turn InvariantGlobalization off (and install ICU: libicu on Linux), or use ASCII only";
}
