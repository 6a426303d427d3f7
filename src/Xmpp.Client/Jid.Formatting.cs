namespace Xmpp.Client;

public readonly partial struct Jid : ISpanFormattable
{
    // A JID has a single text form that does not depend on culture: the format and provider are not used.
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the canonical text of the JID into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write the characters.</param>
    /// <param name="charsWritten">How many characters were written; 0 when the buffer was too small.</param>
    /// <param name="format">Not used: a JID has a single text form.</param>
    /// <param name="provider">Not used: a JID does not depend on culture.</param>
    /// <returns>True when the whole JID fit; false (and nothing written) when the buffer is too small.</returns>
    public bool TryFormat(
        Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        ReadOnlySpan<char> text = _value;
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
