namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// Orders strings as their UTF-8 bytes would sort ("i;octet", RFC 4790 §9.3), which is Unicode code point order.
/// Plain ordinal comparison of UTF-16 differs for characters above U+FFFF against U+E000–U+FFFF.
/// </summary>
internal sealed class OctetComparer : IComparer<string?>
{
    public static OctetComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return CodePointOrder(x[i]) - CodePointOrder(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    /// <summary>Moves surrogates (which start code points above U+FFFF) above U+E000–U+FFFF.</summary>
    private static int CodePointOrder(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
