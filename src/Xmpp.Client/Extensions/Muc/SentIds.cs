namespace Xmpp.Client.Extensions.Muc;

/// <summary>The ids of the last messages the client sent to a room, to recognise the room's echo of them (bounded).</summary>
internal sealed class SentIds
{
    private const int Capacity = 128;
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Add(string id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return;
            }

            _order.Enqueue(id);
            if (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }

    public bool Contains(string? id)
    {
        if (id is null)
        {
            return false;
        }

        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }
}
