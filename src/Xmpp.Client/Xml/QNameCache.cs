namespace Xmpp.Client.Xml;

/// <summary>
/// The ASCII qualified names a parser has seen, already checked, split and interned, so that a name seen before costs
/// a hash and one byte comparison. Holds at most a fixed number of names, so a peer cannot grow it without limit;
/// names beyond that are split again each time. Its table starts small and doubles as names come, so a connection
/// that sees a handful of names holds a handful of buckets.
/// </summary>
internal sealed class QNameCache(XmlNameTable names)
{
    private const int InitialBuckets = 16;
    private const int MaxBuckets = 256;
    private const int MaxEntries = 1024;
    private const int MaxBytes = 128;

    private Entry?[] _buckets = new Entry?[InitialBuckets];
    private int _count;

    /// <summary>
    /// Returns the split name for the bytes of a name whose first byte is an ASCII name start other than ':' and whose
    /// other bytes are ASCII name characters; <see langword="null"/> if it is not a valid qualified name (Namespaces in
    /// XML §4).
    /// </summary>
    public QName? Get(ReadOnlySpan<byte> utf8)
    {
        int hash = Utf8Hash.Of(utf8);
        for (Entry? e = _buckets[hash & (_buckets.Length - 1)]; e is not null; e = e.Next)
        {
            if (e.Hash == hash && utf8.SequenceEqual(e.Name.Utf8))
            {
                return e.Name;
            }
        }

        QName? name = Split(utf8);
        if (name is not null && _count < MaxEntries && utf8.Length <= MaxBytes)
        {
            if (_count >= _buckets.Length * 2 && _buckets.Length < MaxBuckets)
            {
                Grow();
            }

            ref Entry? head = ref _buckets[hash & (_buckets.Length - 1)];
            head = new Entry(name, hash) { Next = head };
            name.IsCached = true;
            _count++;
        }

        return name;
    }

    /// <summary>Doubles the table, moving each entry to its bucket in the new one.</summary>
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

    private QName? Split(ReadOnlySpan<byte> utf8)
    {
        int colon = utf8.IndexOf((byte)':');
        if (colon < 0)
        {
            return new QName(utf8.ToArray(), "", names.Get(utf8));
        }

        ReadOnlySpan<byte> local = utf8[(colon + 1)..];
        if (local.IsEmpty || local[0] == ':' || !XmlChars.IsAsciiNameStart(local[0]) || local.Contains((byte)':'))
        {
            return null;
        }

        return new QName(utf8.ToArray(), names.Get(utf8[..colon]), names.Get(local));
    }

    private sealed class Entry(QName name, int hash)
    {
        public QName Name { get; } = name;

        public int Hash { get; } = hash;

        public Entry? Next { get; set; }
    }
}
