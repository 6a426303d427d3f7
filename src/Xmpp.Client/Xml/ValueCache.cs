using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// Remembers recent short ASCII values (JIDs in 'from' and 'to', roster names, group names, show values) so that a
/// value seen again costs no allocation. Direct-mapped with a fixed number of slots: a new value replaces the one in
/// its slot, so memory never grows and a peer cannot flood it. Thread-safe without locks: a slot is read once and
/// written whole, and strings are immutable, so a race costs at most a miss.
/// </summary>
internal sealed class ValueCache
{
    /// <summary>The cache that parsed stanzas share when their values are first read (on any thread).</summary>
    public static readonly ValueCache Shared = new();

    /// <summary>Values longer than this are never cached.</summary>
    public const int MaxBytes = 64;

    private const int Slots = 1024;

    private readonly string?[] _slots = new string?[Slots];

    /// <summary>Returns the cached string equal to the bytes, or decodes (and caches, if ASCII) a new one.</summary>
    /// <param name="utf8">The value's bytes.</param>
    /// <param name="hash">Their <see cref="Utf8Hash"/>.</param>
    /// <param name="ascii">Whether the bytes are known to be all ASCII (then the new string needs no UTF-8 decoding).</param>
    public string Get(ReadOnlySpan<byte> utf8, int hash, bool ascii)
    {
        ref string? slot = ref _slots[hash & (Slots - 1)];
        string? cached = slot;
        if (cached is not null && cached.Length == utf8.Length && Ascii.Equals(utf8, cached))
        {
            return cached;
        }

        string value = ascii ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);
        if (value.Length == utf8.Length)
        {
            slot = value;
        }

        return value;
    }
}
