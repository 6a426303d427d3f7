using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// A qualified name of a tag or attribute, split at its colon and interned; one parser's own (see
/// <see cref="QNameCache"/>). As a tag it also remembers what came with it last time, which the next such tag most
/// often repeats: the start tag that followed it, and its attributes and their values in order. The fast path checks
/// a guess with one byte comparison instead of scanning, hashing and looking the bytes up.
/// </summary>
internal sealed class QName
{
    /// <summary>How many attributes of a tag are remembered.</summary>
    public const int Remembered = 8;

    /// <summary>Longer values (namespace names, as only declarations are remembered) are not remembered.</summary>
    private const int MaxRememberedValue = 128;

    private QName?[]? _attributes;
    private string?[]? _values;

    public QName(byte[] utf8, string prefix, string local)
    {
        Utf8 = utf8;
        Prefix = prefix;
        Local = local;
        IsDeclaration = prefix == "xmlns" || (prefix.Length == 0 && local == "xmlns");
    }

    /// <summary>The bytes of the whole name, as it appeared.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The prefix, or <c>""</c>.</summary>
    public string Prefix { get; }

    /// <summary>The local part.</summary>
    public string Local { get; }

    /// <summary>Whether, as an attribute, this is a namespace declaration (<c>xmlns</c> or <c>xmlns:p</c>).</summary>
    public bool IsDeclaration { get; }

    /// <summary>
    /// Whether the parser's <see cref="QNameCache"/> holds this name. Only such names are remembered by others, so
    /// what a name remembers can never chain up more than the cache holds.
    /// </summary>
    public bool IsCached { get; set; }

    /// <summary>The number of <see cref="Local"/> in the parser's <see cref="StringTable"/>, if <see cref="NumberGeneration"/> is the table's.</summary>
    public int Number { get; set; }

    /// <summary>The generation of the string table that <see cref="Number"/> belongs to (0: none yet).</summary>
    public int NumberGeneration { get; set; }

    /// <summary>As a tag: the start tag that came next last time.</summary>
    public QName? NextTag { get; set; }

    /// <summary>As a tag: its attribute at <paramref name="index"/> last time, if remembered.</summary>
    public QName? AttributeAt(int index) => index < Remembered ? _attributes?[index] : null;

    /// <summary>As a tag: the value of its attribute at <paramref name="index"/> last time, if remembered.</summary>
    public string? ValueAt(int index) => index < Remembered ? _values?[index] : null;

    /// <summary>As a tag: remembers its attribute at <paramref name="index"/> (and forgets the value there).</summary>
    public void RememberAttribute(int index, QName attribute)
    {
        if (index < Remembered)
        {
            (_attributes ??= new QName?[Remembered])[index] = attribute;
            if (_values is not null)
            {
                _values[index] = null;
            }
        }
    }

    /// <summary>
    /// As a tag: remembers the value of its attribute at <paramref name="index"/>: an ASCII value without references,
    /// whitespace to normalise or either quote, so that equal bytes followed by a quote are that value again.
    /// </summary>
    public void RememberValue(int index, string value)
    {
        if (index < Remembered && value.Length <= MaxRememberedValue && !value.AsSpan().ContainsAny('"', '\''))
        {
            (_values ??= new string?[Remembered])[index] = value;
        }
    }

    /// <summary>Whether <paramref name="s"/> has this name at <paramref name="i"/>, followed by <paramref name="next"/>.</summary>
    public bool IsAt(ReadOnlySpan<byte> s, int i, byte next)
    {
        int end = i + Utf8.Length;
        return end < s.Length && s[end] == next && s.Slice(i, Utf8.Length).SequenceEqual(Utf8);
    }

    /// <summary>Whether <paramref name="s"/> has this name at <paramref name="i"/>, ended by a byte that cannot continue a name.</summary>
    public bool IsNameAt(ReadOnlySpan<byte> s, int i)
    {
        int end = i + Utf8.Length;
        return end < s.Length && s[end] < 0x80 && !XmlChars.IsAsciiNameChar(s[end]) && s.Slice(i, Utf8.Length).SequenceEqual(Utf8);
    }

    /// <summary>Whether <paramref name="s"/> has the ASCII <paramref name="value"/> at <paramref name="i"/>, followed by <paramref name="quote"/>.</summary>
    public static bool IsValueAt(ReadOnlySpan<byte> s, int i, string value, byte quote)
    {
        int end = i + value.Length;
        return end < s.Length && s[end] == quote && Ascii.Equals(s.Slice(i, value.Length), value);
    }
}
