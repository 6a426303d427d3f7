using System.Text;

namespace Xmpp.Client.Internal;

/// <summary>
/// One JID part after RFC 7622 preparation: a slice of the caller's text (when it was already canonical, or only
/// needs ASCII lower-casing, which is done while copying) or the text of a new string (after Unicode work).
/// Keeping slices lets the parser reuse the caller's string, or build the canonical one with a single allocation.
/// </summary>
internal readonly ref struct PreparedPart
{
    internal PreparedPart(ReadOnlySpan<char> text, bool lowerAscii = false)
    {
        Text = text;
        LowerAscii = lowerAscii;
    }

    /// <summary>The prepared characters, or the ASCII characters to lower-case when <see cref="LowerAscii"/>.</summary>
    internal ReadOnlySpan<char> Text { get; }

    /// <summary>True when <see cref="Text"/> is ASCII with upper-case letters that the canonical form lower-cases.</summary>
    internal bool LowerAscii { get; }

    /// <summary>The length of the prepared part; 0 for an absent part (a present part is never empty).</summary>
    internal int Length => Text.Length;

    /// <summary>True when the prepared part is exactly <paramref name="source"/>: the same memory, unchanged.</summary>
    internal bool IsSameAs(ReadOnlySpan<char> source) => !LowerAscii && Text == source;

    /// <summary>Writes the prepared part to the start of <paramref name="destination"/>.</summary>
    internal void CopyTo(Span<char> destination)
    {
        if (LowerAscii)
        {
            Ascii.ToLower(Text, destination, out _);
        }
        else
        {
            Text.CopyTo(destination);
        }
    }
}
