namespace Xmpp.Client;

public readonly partial struct Jid
{
    /// <summary>
    /// Escapes a user name for use as a localpart, as XEP-0106 (JID Escaping) defines: space, <c>" &amp; ' / : &lt;
    /// &gt; @</c> become <c>\20 \22 \26 \27 \2f \3a \3c \3e \40</c>, and a backslash becomes <c>\5c</c> when it starts
    /// one of those ten sequences (or <c>\5c</c> itself), so that <see cref="UnescapeLocal(string)"/> gives the input
    /// back.
    /// </summary>
    /// <remarks>
    /// Other backslashes are kept, as XEP-0106 §4.3 requires (<c>foo\bar</c> and <c>\2plus\2is\4</c> are not
    /// modified). Its example table shows <c>c:\net</c> escaped to <c>c\3a\5cnet</c>, which contradicts §4.3; this
    /// method follows §4.3 and gives <c>c\3a\net</c>, which unescapes to the same <c>c:\net</c>. Only the escaping is
    /// done: the result must still be a valid localpart (no control characters, for instance) to build a JID.
    /// </remarks>
    /// <param name="value">The unescaped name, such as <c>d'artagnan</c>.</param>
    /// <returns>The escaped localpart, such as <c>d\27artagnan</c>; <paramref name="value"/> itself when nothing
    /// needs escaping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> starts or ends with a space, which XEP-0106
    /// forbids escaping (<c>\20</c> must not begin or end a localpart).</exception>
    public static string EscapeLocal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith(' ') || value.EndsWith(' '))
        {
            throw new ArgumentException(
                "XEP-0106 does not allow a localpart to start or end with an escaped space (\\20); trim the name first.",
                nameof(value));
        }

        int escapes = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (NeedsEscape(value, i))
            {
                escapes++;
            }
        }

        if (escapes == 0)
        {
            return value;
        }

        return string.Create(value.Length + (2 * escapes), value, static (destination, source) =>
        {
            int written = 0;
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                if (!NeedsEscape(source, i))
                {
                    destination[written++] = c;
                    continue;
                }

                destination[written++] = '\\';
                destination[written++] = HexDigit(c >> 4);
                destination[written++] = HexDigit(c & 0xF);
            }
        });
    }

    /// <summary>
    /// Reverses <see cref="EscapeLocal(string)"/> for display: each of <c>\20 \22 \26 \27 \2f \3a \3c \3e \40 \5c</c>
    /// (lower-case hex only, as XEP-0106 specifies) becomes its character; every other backslash sequence is kept.
    /// </summary>
    /// <param name="value">An escaped localpart, such as <c>d\27artagnan</c>.</param>
    /// <returns>The name to show a user, such as <c>d'artagnan</c>; <paramref name="value"/> itself when it has no
    /// escape sequence. The result is for display or gateways, not a valid localpart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string UnescapeLocal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int sequences = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (EscapedCharacter(value, i) >= 0)
            {
                sequences++;
                i += 2;
            }
        }

        if (sequences == 0)
        {
            return value;
        }

        return string.Create(value.Length - (2 * sequences), value, static (destination, source) =>
        {
            int written = 0;
            for (int i = 0; i < source.Length; i++)
            {
                int unescaped = EscapedCharacter(source, i);
                if (unescaped < 0)
                {
                    destination[written++] = source[i];
                    continue;
                }

                destination[written++] = (char)unescaped;
                i += 2;
            }
        });
    }

    /// <summary>True when the character at <paramref name="index"/> must be written as an escape sequence.</summary>
    private static bool NeedsEscape(string value, int index) => value[index] switch
    {
        ' ' or '"' or '&' or '\'' or '/' or ':' or '<' or '>' or '@' => true,
        '\\' => EscapedCharacter(value, index) >= 0,
        _ => false,
    };

    /// <summary>The character that the escape sequence starting at <paramref name="index"/> stands for, or -1.</summary>
    private static int EscapedCharacter(ReadOnlySpan<char> value, int index)
    {
        if (index + 2 >= value.Length || value[index] != '\\')
        {
            return -1;
        }

        return (value[index + 1], value[index + 2]) switch
        {
            ('2', '0') => ' ',
            ('2', '2') => '"',
            ('2', '6') => '&',
            ('2', '7') => '\'',
            ('2', 'f') => '/',
            ('3', 'a') => ':',
            ('3', 'c') => '<',
            ('3', 'e') => '>',
            ('4', '0') => '@',
            ('5', 'c') => '\\',
            _ => -1,
        };
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
