namespace Xmpp.Client.Session;

/// <summary>XEP-0198 counters: unsigned 32-bit numbers that wrap from 2^32 - 1 to 0.</summary>
internal static class StreamManagementCounter
{
    /// <summary>How many stanzas lie between an earlier count and a later one, across a wrap-around.</summary>
    public static uint Difference(uint later, uint earlier) => unchecked(later - earlier);

    /// <summary>The count after one more stanza.</summary>
    public static uint Increment(uint value) => unchecked(value + 1);

    /// <summary>Parses an <c>h</c> attribute (a decimal xs:unsignedInt).</summary>
    public static bool TryParse(string? text, out uint value) =>
        uint.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);

    public static string Format(uint value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
