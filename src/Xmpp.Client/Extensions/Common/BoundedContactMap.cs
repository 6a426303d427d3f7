namespace Xmpp.Client.Extensions.Common;

/// <summary>
/// Per-resource state that remote parties fill (their presence, their announced capabilities), keyed by full JID and
/// grouped by contact (bare JID), bounded by entries per contact, entries in all and approximate bytes. Whoever sends
/// too much pays with its own entries: a contact past its limit, or a tracked contact when the map is full, loses its
/// own least recently written entry; a new contact is refused while the map is full. Other contacts' entries are never
/// evicted. Not thread-safe: the owner locks.
/// </summary>
/// <typeparam name="T">The state kept per resource.</typeparam>
internal sealed class BoundedContactMap<T>
    where T : class
{
    // Rough managed sizes of an entry's slot and of a contact's dictionary, besides their strings.
    private const int EntryOverhead = 96;
    private const int ContactOverhead = 160;

    private readonly Dictionary<Jid, Dictionary<Jid, Slot>> _contacts = [];
    private readonly Func<Jid, T, long> _size;
    private readonly int _maxPerContact;
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private long _sequence;
    private bool _refused;

    /// <param name="size">The approximate bytes one entry holds (its strings), besides the map's own overhead.</param>
    /// <param name="maxPerContact">Entries per bare JID.</param>
    /// <param name="maxEntries">Entries in all.</param>
    /// <param name="maxBytes">Approximate bytes in all.</param>
    public BoundedContactMap(Func<Jid, T, long> size, int maxPerContact, int maxEntries, long maxBytes)
    {
        _size = size;
        _maxPerContact = maxPerContact;
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
    }

    public int Count { get; private set; }

    public long Bytes { get; private set; }

    public bool TryGet(Jid jid, out T value)
    {
        value = null!;
        if (!_contacts.TryGetValue(jid.Bare, out var entries) || !entries.TryGetValue(jid, out var slot))
        {
            return false;
        }

        value = slot.Value;
        return true;
    }

    public bool ContainsContact(Jid bare) => _contacts.ContainsKey(bare);

    public T[] Values(Jid bare) => _contacts.TryGetValue(bare, out var entries) ? [.. entries.Values.Select(slot => slot.Value)] : [];

    public Jid[] Contacts() => [.. _contacts.Keys];

    /// <summary>
    /// Writes the entry of <paramref name="jid"/>. A tracked JID's entry is replaced when the budget allows (else
    /// <see langword="false"/> and nothing changes). A new JID is added as the class describes, <paramref name="fallback"/>
    /// (a smaller form of the value) being tried when <paramref name="value"/> does not fit even then.
    /// </summary>
    /// <param name="jid">The resource.</param>
    /// <param name="value">Its new state.</param>
    /// <param name="evicted">The contact's own entries forgotten to make room, oldest first.</param>
    /// <param name="firstRefusal">Whether this is the first new JID refused since <see cref="Clear"/>.</param>
    /// <param name="fallback">A smaller form of <paramref name="value"/> to keep if it does not fit.</param>
    public bool Set(Jid jid, T value, out List<T> evicted, out bool firstRefusal, T? fallback = null)
    {
        evicted = [];
        firstRefusal = false;
        var bare = jid.Bare;
        var known = _contacts.TryGetValue(bare, out var entries);
        if (known && entries!.TryGetValue(jid, out var previous))
        {
            var cost = Cost(jid, value);
            if (Bytes - previous.Bytes + cost > _maxBytes)
            {
                return false;
            }

            Bytes += cost - previous.Bytes;
            entries[jid] = new Slot(value, ++_sequence, cost);
            return true;
        }

        entries ??= [];
        if (entries.Count >= _maxPerContact)
        {
            evicted.Add(EvictOldest(entries));
        }

        var contactCost = known ? 0 : ContactCost(bare);
        while (!Fits(contactCost + Cost(jid, value)) && entries.Count > 0)
        {
            evicted.Add(EvictOldest(entries));
        }

        if (!Fits(contactCost + Cost(jid, value)) && fallback is not null)
        {
            value = fallback;
        }

        if (!Fits(contactCost + Cost(jid, value)))
        {
            if (known && entries.Count == 0)
            {
                RemoveContactEntry(bare);
            }

            firstRefusal = !_refused;
            _refused = true;
            return false;
        }

        if (!known)
        {
            _contacts.Add(bare, entries);
            Bytes += contactCost;
        }

        var slot = new Slot(value, ++_sequence, Cost(jid, value));
        entries.Add(jid, slot);
        Count++;
        Bytes += slot.Bytes;
        return true;
    }

    public bool Remove(Jid jid, out T value)
    {
        value = null!;
        if (!_contacts.TryGetValue(jid.Bare, out var entries) || !entries.Remove(jid, out var slot))
        {
            return false;
        }

        Forget(slot);
        if (entries.Count == 0)
        {
            RemoveContactEntry(jid.Bare);
        }

        value = slot.Value;
        return true;
    }

    public T[] RemoveContact(Jid bare)
    {
        if (!_contacts.TryGetValue(bare, out var entries))
        {
            return [];
        }

        foreach (var slot in entries.Values)
        {
            Forget(slot);
        }

        RemoveContactEntry(bare);
        return [.. entries.Values.Select(slot => slot.Value)];
    }

    public void Clear()
    {
        _contacts.Clear();
        Count = 0;
        Bytes = 0;
        _refused = false;
    }

    private static long ContactCost(Jid bare) => ContactOverhead + (2L * bare.ToString().Length);

    private long Cost(Jid jid, T value) => EntryOverhead + (2L * jid.ToString().Length) + _size(jid, value);

    private bool Fits(long cost) => Count < _maxEntries && Bytes + cost <= _maxBytes;

    /// <summary>Forgets the contact's least recently written entry (the contact itself stays, even if now empty).</summary>
    private T EvictOldest(Dictionary<Jid, Slot> entries)
    {
        var oldest = entries.MinBy(pair => pair.Value.Sequence);
        entries.Remove(oldest.Key);
        Forget(oldest.Value);
        return oldest.Value.Value;
    }

    private void Forget(Slot slot)
    {
        Count--;
        Bytes -= slot.Bytes;
    }

    private void RemoveContactEntry(Jid bare)
    {
        _contacts.Remove(bare);
        Bytes -= ContactCost(bare);
    }

    private readonly record struct Slot(T Value, long Sequence, long Bytes);
}
