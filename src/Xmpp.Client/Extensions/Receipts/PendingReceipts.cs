namespace Xmpp.Client.Extensions.Receipts;

/// <summary>
/// The most recent messages sent with a receipt request, by id, each with the address that may acknowledge it and a
/// task that completes with the first receipt from there. Bounded: past <c>capacity</c> the oldest is forgotten.
/// Thread-safe (requests are tracked on senders' threads, receipts arrive on the event task).
/// </summary>
internal sealed class PendingReceipts
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _oldestFirst = new();
    private readonly int _capacity;

    public PendingReceipts(int capacity)
    {
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Starts tracking a message sent to <paramref name="recipient"/> (a message sent again with the same id restarts it).</summary>
    public void Track(string id, Jid recipient)
    {
        var entry = new Entry(id, recipient.Bare);
        lock (_gate)
        {
            if (_byId.Remove(id, out var previous))
            {
                _oldestFirst.Remove(previous);
            }

            _byId[id] = _oldestFirst.AddLast(entry);
            if (_byId.Count > _capacity && _oldestFirst.First is { } oldest)
            {
                _oldestFirst.RemoveFirst();
                _byId.Remove(oldest.Value.Id);
            }
        }
    }

    /// <summary>
    /// Completes the wait for message <paramref name="id"/> when <paramref name="from"/> is (a resource of) the address
    /// it was sent to. <see langword="false"/> when the id is not tracked or the receipt comes from someone else.
    /// </summary>
    public bool TryComplete(string id, Jid from)
    {
        Entry? entry;
        lock (_gate)
        {
            entry = _byId.TryGetValue(id, out var node) ? node.Value : null;
        }

        if (entry is null || entry.Recipient != from.Bare)
        {
            return false;
        }

        entry.Receipt.TrySetResult(from);
        return true;
    }

    /// <summary>
    /// Fails the wait for message <paramref name="id"/> with <paramref name="error"/> when the bounce comes from the
    /// route the message took: the recipient (any resource), the recipient's server, or the account's own server
    /// (<paramref name="from"/> <see langword="null"/> or <paramref name="accountDomain"/>). <see langword="false"/>
    /// when the id is not tracked or the error comes from anyone else.
    /// </summary>
    public bool TryFail(string id, Jid? from, string accountDomain, Exception error)
    {
        Entry? entry;
        lock (_gate)
        {
            entry = _byId.TryGetValue(id, out var node) ? node.Value : null;
        }

        if (entry is null || !IsOnRoute(from, entry.Recipient, accountDomain))
        {
            return false;
        }

        if (entry.Receipt.TrySetException(error))
        {
            _ = entry.Receipt.Task.Exception; // observed: nobody may be waiting, and that is not a failure to report
        }

        return true;
    }

    /// <summary>The task that completes with the first receipt for message <paramref name="id"/>; <see langword="null"/> when it is not tracked.</summary>
    public Task<Jid>? Find(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var node) ? node.Value.Receipt.Task : null;
        }
    }

    private static bool IsOnRoute(Jid? from, Jid recipient, string accountDomain)
    {
        if (from is not { } sender)
        {
            return true; // stanzas without 'from' come from the account's own server (RFC 6120 §8.1.2.1)
        }

        if (sender.Bare == recipient)
        {
            return true;
        }

        return sender.Local is null && sender.Resource is null
            && (string.Equals(sender.Domain, recipient.Domain, StringComparison.Ordinal) || string.Equals(sender.Domain, accountDomain, StringComparison.Ordinal));
    }

    private sealed class Entry(string id, Jid recipient)
    {
        public string Id { get; } = id;

        public Jid Recipient { get; } = recipient;

        public TaskCompletionSource<Jid> Receipt { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
