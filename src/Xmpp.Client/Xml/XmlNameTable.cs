using System.Text;

namespace Xmpp.Client.Xml;

/// <summary>
/// Turns UTF-8 names, namespace names and values into strings without allocating for ones seen before. A static
/// table of common XMPP names, namespaces and attribute values is shared by all readers; each reader adds the names
/// and namespaces it sees, up to a bound so a peer cannot grow it without limit.
/// </summary>
internal sealed class XmlNameTable
{
    private const int MaxEntries = 2048;
    private const int MaxInternedBytes = 256;

    private static readonly Table s_common = BuildCommon();

    private const int OwnBuckets = 16;
    private const int MaxOwnBuckets = 256;

    private Table? _own;

    /// <summary>Returns the string for a name or namespace name, interning it if there is room.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "";
        }

        int hash = Utf8Hash.Of(utf8);
        string? found = s_common.Find(utf8, hash) ?? _own?.Find(utf8, hash);
        if (found is not null)
        {
            return found;
        }

        string value = Encoding.UTF8.GetString(utf8);
        Table own = _own ??= new Table(OwnBuckets, MaxOwnBuckets);
        if (own.Count < MaxEntries && utf8.Length <= MaxInternedBytes)
        {
            own.Add(utf8.ToArray(), hash, value);
        }

        return value;
    }

    /// <summary>Forgets the names this reader added (an idle connection); strings handed out stay valid.</summary>
    public void Release() => _own = null;

    /// <summary>Returns the shared string for common UTF-8 (names, namespaces, values such as <c>chat</c>), or <see langword="null"/>. Thread-safe.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="hash">Their <see cref="Utf8Hash"/>.</param>
    public static string? FindCommon(ReadOnlySpan<byte> utf8, int hash) => s_common.Find(utf8, hash);

    private static Table BuildCommon()
    {
        var table = new Table(1024, 1024);
        foreach (string s in CommonStrings.All)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(s);
            int hash = Utf8Hash.Of(utf8);
            if (table.Find(utf8, hash) is null)
            {
                table.Add(utf8, hash, s);
            }
        }

        return table;
    }

    /// <summary>A chained hash table that starts with <paramref name="buckets"/> and doubles up to <paramref name="maxBuckets"/> as it fills.</summary>
    private sealed class Table(int buckets, int maxBuckets)
    {
        private Entry?[] _buckets = new Entry?[buckets];

        public int Count { get; private set; }

        public string? Find(ReadOnlySpan<byte> utf8, int hash)
        {
            for (Entry? e = _buckets[hash & (_buckets.Length - 1)]; e is not null; e = e.Next)
            {
                if (e.Hash == hash && utf8.SequenceEqual(e.Utf8))
                {
                    return e.Value;
                }
            }

            return null;
        }

        public void Add(byte[] utf8, int hash, string value)
        {
            if (Count >= _buckets.Length * 2 && _buckets.Length < maxBuckets)
            {
                Grow();
            }

            ref Entry? head = ref _buckets[hash & (_buckets.Length - 1)];
            head = new Entry(utf8, hash, value) { Next = head };
            Count++;
        }

        private void Grow()
        {
            var bigger = new Entry?[_buckets.Length * 2];
            foreach (Entry? first in _buckets)
            {
                for (Entry? e = first; e is not null;)
                {
                    Entry? next = e.Next;
                    ref Entry? head = ref bigger[e.Hash & (bigger.Length - 1)];
                    e.Next = head;
                    head = e;
                    e = next;
                }
            }

            _buckets = bigger;
        }
    }

    private sealed class Entry(byte[] utf8, int hash, string value)
    {
        public byte[] Utf8 { get; } = utf8;

        public int Hash { get; } = hash;

        public string Value { get; } = value;

        public Entry? Next { get; set; }
    }
}
