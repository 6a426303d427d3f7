using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.PresenceTracking;

/// <summary>
/// The available resources of each contact (keyed by bare JID) with their last presence. Written by the client's
/// event task, read from any thread: every member takes one lock and reads return copies.
/// </summary>
/// <remarks>
/// Remote parties fill it, so it is bounded: at most <c>maxPerContact</c> resources per contact, <c>maxResources</c>
/// in all, and about <c>maxBytes</c> of memory (status texts are kept up to <see cref="MaxStatusLength"/> characters).
/// Whoever sends too much pays with its own entries: a contact past its limit, or a tracked contact when the table is
/// full, loses its own least recently updated resource; a new contact is not tracked while the table is full; and an
/// update that would pass the byte budget is kept without its status text. Other contacts are never evicted.
/// </remarks>
internal sealed class PresenceTable
{
    /// <summary>The longest status text kept (longer ones are cut; the presence event still carries the whole text).</summary>
    internal const int MaxStatusLength = 1024;

    /// <summary>The byte budget the client allows per resource it may track.</summary>
    internal const int BytesPerResource = 512;

    // Rough managed sizes: a ResourcePresence, its dictionary slot and string headers; a contact's dictionary.
    private const int EntryOverhead = 128;
    private const int ContactOverhead = 160;

    private readonly object _gate = new();
    private readonly Dictionary<Jid, Dictionary<Jid, ResourcePresence>> _contacts = [];
    private readonly int _maxPerContact;
    private readonly int _maxResources;
    private readonly long _maxBytes;
    private long _sequence;
    private int _count;
    private long _bytes;
    private bool _refused;

    public PresenceTable(int maxPerContact, int maxResources, long maxBytes)
    {
        _maxPerContact = maxPerContact;
        _maxResources = maxResources;
        _maxBytes = maxBytes;
    }

    /// <summary>The resources tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>The approximate memory the tracked presences take.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Records an available presence from <paramref name="from"/>, replacing that resource's previous one.</summary>
    public PresenceUpdate Set(Jid from, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt)
    {
        status = Shorten(status);
        var bare = from.Bare;
        lock (_gate)
        {
            var known = _contacts.TryGetValue(bare, out var resources);
            if (known && resources!.TryGetValue(from, out var previous))
            {
                // Same JID, so no new entry; without its status it is never larger than the one it replaces.
                var growth = Size(from, status) - Size(from, previous.Status);
                var kept = _bytes + growth <= _maxBytes ? status : null;
                return new(Store(resources, New(from, show, kept, priority, receivedAt), previous), []);
            }

            resources ??= [];
            var evicted = new List<ResourcePresence>();
            if (resources.Count >= _maxPerContact)
            {
                evicted.Add(EvictOldest(resources));
            }

            var contactCost = known ? 0 : ContactSize(bare);
            while (!Fits(contactCost + Size(from, status)) && resources.Count > 0)
            {
                evicted.Add(EvictOldest(resources));
            }

            if (!Fits(contactCost + Size(from, status)))
            {
                status = null;
            }

            if (!Fits(contactCost + Size(from, status)))
            {
                if (known && resources.Count == 0)
                {
                    RemoveContactEntry(bare);
                }

                var first = !_refused;
                _refused = true;
                return new(null, evicted, first);
            }

            if (!known)
            {
                _contacts.Add(bare, resources);
                _bytes += contactCost;
            }

            return new(Store(resources, New(from, show, status, priority, receivedAt), previous: null), evicted);
        }
    }

    /// <summary>Forgets the resource <paramref name="from"/>; returns whether it was there.</summary>
    public bool Remove(Jid from)
    {
        lock (_gate)
        {
            if (!_contacts.TryGetValue(from.Bare, out var resources) || !resources.Remove(from, out var gone))
            {
                return false;
            }

            Forgot(gone);
            if (resources.Count == 0)
            {
                RemoveContactEntry(from.Bare);
            }

            return true;
        }
    }

    /// <summary>Forgets every resource of the contact <paramref name="bare"/>; returns the ones that were there.</summary>
    public IReadOnlyList<ResourcePresence> RemoveContact(Jid bare)
    {
        lock (_gate)
        {
            if (!_contacts.TryGetValue(bare, out var resources))
            {
                return [];
            }

            ResourcePresence[] gone = [.. resources.Values];
            foreach (var entry in gone)
            {
                Forgot(entry);
            }

            RemoveContactEntry(bare);
            return gone;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _contacts.Clear();
            _count = 0;
            _bytes = 0;
            _refused = false;
        }
    }

    public bool IsAvailable(Jid bare)
    {
        lock (_gate)
        {
            return _contacts.ContainsKey(bare);
        }
    }

    /// <summary>The contact's available resources, best first (see <see cref="ResourceRanking"/>).</summary>
    public IReadOnlyList<ResourcePresence> GetResources(Jid bare)
    {
        ResourcePresence[] resources;
        lock (_gate)
        {
            if (!_contacts.TryGetValue(bare, out var entries))
            {
                return [];
            }

            resources = [.. entries.Values];
        }

        Array.Sort(resources, ResourceRanking.Instance);
        return resources;
    }

    public ResourcePresence? GetBest(Jid bare)
    {
        lock (_gate)
        {
            return _contacts.TryGetValue(bare, out var entries) ? entries.Values.Min(ResourceRanking.Instance) : null;
        }
    }

    /// <summary>The bare JIDs with at least one available resource.</summary>
    public IReadOnlyList<Jid> GetAvailableContacts()
    {
        lock (_gate)
        {
            return [.. _contacts.Keys];
        }
    }

    private static long ContactSize(Jid bare) => ContactOverhead + (2L * bare.ToString().Length);

    private static long Size(Jid jid, string? status) => EntryOverhead + (2L * (jid.ToString().Length + (status?.Length ?? 0)));

    /// <summary>At most <see cref="MaxStatusLength"/> characters, never cutting a surrogate pair in two.</summary>
    private static string? Shorten(string? status)
    {
        if (status is null || status.Length <= MaxStatusLength)
        {
            return status;
        }

        var length = char.IsHighSurrogate(status[MaxStatusLength - 1]) ? MaxStatusLength - 1 : MaxStatusLength;
        return status[..length];
    }

    private ResourcePresence New(Jid from, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt) =>
        new(from, show, status, priority, receivedAt, ++_sequence);

    private bool Fits(long cost) => _count < _maxResources && _bytes + cost <= _maxBytes;

    private ResourcePresence Store(Dictionary<Jid, ResourcePresence> resources, ResourcePresence entry, ResourcePresence? previous)
    {
        if (previous is not null)
        {
            Forgot(previous);
        }

        resources[entry.Jid] = entry;
        _count++;
        _bytes += Size(entry.Jid, entry.Status);
        return entry;
    }

    /// <summary>Forgets the contact's least recently updated resource (the contact itself stays, even if now empty).</summary>
    private ResourcePresence EvictOldest(Dictionary<Jid, ResourcePresence> resources)
    {
        var oldest = resources.Values.MinBy(entry => entry.Sequence)!;
        resources.Remove(oldest.Jid);
        Forgot(oldest);
        return oldest;
    }

    private void Forgot(ResourcePresence entry)
    {
        _count--;
        _bytes -= Size(entry.Jid, entry.Status);
    }

    private void RemoveContactEntry(Jid bare)
    {
        _contacts.Remove(bare);
        _bytes -= ContactSize(bare);
    }
}
