namespace Xmpp.Client.Extensions.Mam;

/// <summary>
/// The archive ids seen most recently, bounded: when full, the oldest is forgotten. Thread-safe. Used to deliver each
/// message once when the same one arrives live and from the archive.
/// </summary>
internal sealed class RecentIds
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;
    private readonly object _lock = new();

    public RecentIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _set.Count;
            }
        }
    }

    /// <summary>Adds the id; <see langword="false"/> when it was already there.</summary>
    public bool Add(string id)
    {
        lock (_lock)
        {
            if (!_set.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > _capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    public bool Contains(string id)
    {
        lock (_lock)
        {
            return _set.Contains(id);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _set.Clear();
            _order.Clear();
        }
    }
}
