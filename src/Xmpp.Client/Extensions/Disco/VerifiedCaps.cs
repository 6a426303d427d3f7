using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// The verified disco#info behind each verification string, bounded by count and approximate bytes (whole and per
/// entry) and evicted least recently used first. Fair: each entry is charged to the contact (bare JID) whose answer
/// verified it, and a contact over its share loses its own least recently used entry, so one contact flooding new
/// verification strings churns only its own share. The client's own capabilities are kept apart and never evicted.
/// Not thread-safe: the owner locks.
/// </summary>
internal sealed class VerifiedCaps
{
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private readonly Dictionary<(string Hash, string Ver), LinkedListNode<Entry>> _entries = [];
    private readonly Dictionary<Jid, int> _byIntroducer = [];
    private readonly int _maxEntries;
    private readonly int _maxPerIntroducer;
    private readonly long _maxBytes;
    private readonly long _maxEntryBytes;
    private ((string Hash, string Ver) Key, DiscoInfo Info)? _own;

    public VerifiedCaps(int maxEntries, int maxPerIntroducer, long maxBytes, long maxEntryBytes)
    {
        _maxEntries = maxEntries;
        _maxPerIntroducer = maxPerIntroducer;
        _maxBytes = maxBytes;
        _maxEntryBytes = maxEntryBytes;
    }

    /// <summary>Entries besides the client's own.</summary>
    public int Count => _entries.Count;

    /// <summary>Their approximate memory.</summary>
    public long Bytes { get; private set; }

    /// <summary>Trusts the client's own capabilities (replacing the previous ones).</summary>
    public void SetOwn((string Hash, string Ver) key, DiscoInfo info) => _own = (key, info);

    public bool Contains((string Hash, string Ver) key) => _own?.Key == key || _entries.ContainsKey(key);

    /// <summary>The entry, which counts as used now.</summary>
    public bool TryGet((string Hash, string Ver) key, [NotNullWhen(true)] out DiscoInfo? info)
    {
        if (_own is { } own && own.Key == key)
        {
            info = own.Info;
            return true;
        }

        if (!_entries.TryGetValue(key, out var node))
        {
            info = null;
            return false;
        }

        _recency.Remove(node);
        _recency.AddFirst(node);
        info = node.Value.Info;
        return true;
    }

    /// <summary>Keeps a verified entry charged to <paramref name="introducer"/>; <see langword="false"/> when it is
    /// larger than one entry may be.</summary>
    public bool TryAdd((string Hash, string Ver) key, DiscoInfo info, Jid introducer)
    {
        if (TryGet(key, out _))
        {
            return true;
        }

        var bytes = SizeOf(info);
        if (bytes > _maxEntryBytes)
        {
            return false;
        }

        if (_byIntroducer.GetValueOrDefault(introducer) >= _maxPerIntroducer)
        {
            Evict(LeastRecentOf(introducer));
        }

        while ((_entries.Count >= _maxEntries || Bytes + bytes > _maxBytes) && _recency.Last is { } last)
        {
            Evict(last);
        }

        _entries[key] = _recency.AddFirst(new Entry(key, info, introducer, bytes));
        _byIntroducer[introducer] = _byIntroducer.GetValueOrDefault(introducer) + 1;
        Bytes += bytes;
        return true;
    }

    /// <summary>The approximate managed memory <paramref name="info"/> takes.</summary>
    public static long SizeOf(DiscoInfo info)
    {
        long bytes = 128;
        foreach (var identity in info.Identities)
        {
            bytes += 64 + (2L * (identity.Category.Length + identity.Type.Length + (identity.Name?.Length ?? 0) + (identity.Language?.Length ?? 0)));
        }

        foreach (var feature in info.Features)
        {
            bytes += 48 + (2L * feature.Length);
        }

        foreach (var element in info.Forms.SelectMany(form => form.DescendantsAndSelf()))
        {
            bytes += 96 + element.Attributes().Sum(attribute => 48 + (2L * attribute.Value.Length))
                + element.Nodes().OfType<XText>().Sum(text => 2L * text.Value.Length);
        }

        return bytes;
    }

    private LinkedListNode<Entry> LeastRecentOf(Jid introducer)
    {
        var node = _recency.Last;
        while (node!.Value.Introducer != introducer)
        {
            node = node.Previous;
        }

        return node;
    }

    private void Evict(LinkedListNode<Entry> node)
    {
        var entry = node.Value;
        _recency.Remove(node);
        _entries.Remove(entry.Key);
        Bytes -= entry.Bytes;
        var left = _byIntroducer[entry.Introducer] - 1;
        if (left == 0)
        {
            _byIntroducer.Remove(entry.Introducer);
        }
        else
        {
            _byIntroducer[entry.Introducer] = left;
        }
    }

    private sealed record Entry((string Hash, string Ver) Key, DiscoInfo Info, Jid Introducer, long Bytes);
}
