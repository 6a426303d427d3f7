using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.PresenceTracking;

/// <summary>
/// The available resources of each contact (keyed by bare JID) with their last presence. Written by the client's
/// event task, read from any thread: every member takes one lock and reads return copies.
/// </summary>
internal sealed class PresenceTable
{
    private readonly object _gate = new();
    private readonly Dictionary<Jid, Dictionary<Jid, ResourcePresence>> _contacts = [];
    private long _sequence;

    /// <summary>Records an available presence from <paramref name="from"/>, replacing that resource's previous one.</summary>
    public ResourcePresence Set(Jid from, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt)
    {
        lock (_gate)
        {
            var entry = new ResourcePresence(from, show, status, priority, receivedAt, ++_sequence);
            if (!_contacts.TryGetValue(from.Bare, out var resources))
            {
                resources = [];
                _contacts.Add(from.Bare, resources);
            }

            resources[from] = entry;
            return entry;
        }
    }

    /// <summary>Forgets the resource <paramref name="from"/>; returns whether it was there.</summary>
    public bool Remove(Jid from)
    {
        lock (_gate)
        {
            if (!_contacts.TryGetValue(from.Bare, out var resources) || !resources.Remove(from))
            {
                return false;
            }

            if (resources.Count == 0)
            {
                _contacts.Remove(from.Bare);
            }

            return true;
        }
    }

    /// <summary>Forgets every resource of the contact <paramref name="bare"/>; returns the ones that were there.</summary>
    public IReadOnlyList<ResourcePresence> RemoveContact(Jid bare)
    {
        lock (_gate)
        {
            return _contacts.Remove(bare, out var resources) ? [.. resources.Values] : [];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _contacts.Clear();
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
}
