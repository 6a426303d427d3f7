using Xmpp.Client.Extensions.Common;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

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

    private readonly object _gate = new();
    private readonly BoundedContactMap<ResourcePresence> _map;
    private long _sequence;

    public PresenceTable(int maxPerContact, int maxResources, long maxBytes)
    {
        _map = new BoundedContactMap<ResourcePresence>(static (_, entry) => 2L * (entry.Status?.Length ?? 0), maxPerContact, maxResources, maxBytes);
    }

    /// <summary>The resources tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
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
                return _map.Bytes;
            }
        }
    }

    /// <summary>Records an available presence from <paramref name="from"/>, replacing that resource's previous one.</summary>
    public PresenceUpdate Set(Jid from, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt)
    {
        status = Shorten(status);
        lock (_gate)
        {
            var entry = new ResourcePresence(from, show, status, priority, receivedAt, ++_sequence);
            var lean = status is null ? null : new ResourcePresence(from, show, null, priority, receivedAt, entry.Sequence);
            if (_map.TryGet(from, out _))
            {
                if (!_map.Set(from, entry, out _, out _))
                {
                    // Same JID, so no new entry; without its status it is never larger than the one it replaces.
                    entry = lean!;
                    _map.Set(from, entry, out _, out _);
                }

                return new(entry, []);
            }

            var added = _map.Set(from, entry, out var evicted, out var first, lean);
            return new(added && _map.TryGet(from, out var kept) ? kept : null, evicted, first);
        }
    }

    /// <summary>Forgets the resource <paramref name="from"/>; returns whether it was there.</summary>
    public bool Remove(Jid from)
    {
        lock (_gate)
        {
            return _map.Remove(from, out _);
        }
    }

    /// <summary>Forgets every resource of the contact <paramref name="bare"/>; returns the ones that were there.</summary>
    public IReadOnlyList<ResourcePresence> RemoveContact(Jid bare)
    {
        lock (_gate)
        {
            return _map.RemoveContact(bare);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _map.Clear();
        }
    }

    public bool IsAvailable(Jid bare)
    {
        lock (_gate)
        {
            return _map.ContainsContact(bare);
        }
    }

    /// <summary>The contact's available resources, best first (see <see cref="ResourceRanking"/>).</summary>
    public IReadOnlyList<ResourcePresence> GetResources(Jid bare)
    {
        ResourcePresence[] resources;
        lock (_gate)
        {
            resources = _map.Values(bare);
        }

        Array.Sort(resources, ResourceRanking.Instance);
        return resources;
    }

    public ResourcePresence? GetBest(Jid bare)
    {
        lock (_gate)
        {
            return _map.Values(bare).Min(ResourceRanking.Instance);
        }
    }

    /// <summary>The bare JIDs with at least one available resource.</summary>
    public IReadOnlyList<Jid> GetAvailableContacts()
    {
        lock (_gate)
        {
            return _map.Contacts();
        }
    }

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
}
