using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The stanzas the client must not lose: those written on a stream-management session and not yet acknowledged by
/// the server (XEP-0198 §4), followed by those queued while reconnecting. Outlives sessions; bounded by slots that
/// senders take before sending and get back when the server acknowledges (or, without stream management, when the
/// stanza is written).
/// </summary>
/// <remarks>
/// The entries are in send order. The first <see cref="Written"/> of them were written on the current session and
/// are numbered from the last acknowledged count: entry <c>i</c> is stanza number <c>acked + 1 + i</c> of the
/// session, which is what the server's <c>h</c> counts (modulo 2^32).
/// </remarks>
internal sealed class OutboundQueue : IDisposable
{
    private readonly object _lock = new();
    private readonly List<XmppElement> _entries = [];
    private readonly SemaphoreSlim _slots;
    private int _head;
    private int _written;
    private uint _acked;
    private object? _owner;

    /// <param name="capacity">How many stanzas may be kept at once.</param>
    /// <param name="acknowledged">The count the server has acknowledged so far (0 for a new session).</param>
    public OutboundQueue(int capacity, uint acknowledged = 0)
    {
        _slots = new SemaphoreSlim(capacity, capacity);
        _acked = acknowledged;
    }

    /// <summary>Entries waiting for an acknowledgement or to be sent.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count - _head;
            }
        }
    }

    /// <summary>Entries written on the current session and not yet acknowledged.</summary>
    public int Written
    {
        get
        {
            lock (_lock)
            {
                return _written;
            }
        }
    }

    /// <summary>The last count the server acknowledged (its <c>h</c>), or 0 on a new session.</summary>
    public uint Acknowledged
    {
        get
        {
            lock (_lock)
            {
                return _acked;
            }
        }
    }

    /// <summary>Whether every slot is taken: the next sender waits until an acknowledgement frees one.</summary>
    public bool IsFull => _slots.CurrentCount == 0;

    /// <summary>Waits for room for one more stanza.</summary>
    public Task AcquireAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>Gives back a slot whose stanza was not kept.</summary>
    public void Release() => _slots.Release();

    /// <summary>Keeps a stanza to send later (its slot is already taken).</summary>
    public void Enqueue(XmppElement stanza)
    {
        lock (_lock)
        {
            _entries.Add(stanza);
        }
    }

    /// <summary>Whether every entry has been written on the current session (new stanzas may then go out directly).</summary>
    public bool AllWritten
    {
        get
        {
            lock (_lock)
            {
                return _written == _entries.Count - _head;
            }
        }
    }

    /// <summary>
    /// Keeps a stanza that is about to be written on a stream-management session (its slot is already taken), unless
    /// stanzas queued earlier are still waiting to be written: then <see langword="false"/>, and it must queue behind them.
    /// </summary>
    /// <summary>
    /// Makes <paramref name="owner"/> (a session's writer) the one whose writes and acknowledgements count from now
    /// on. A writer of an earlier session that is still finishing a write can then no longer append, nor can a late
    /// acknowledgement of that session drop anything: its count belongs to another stream.
    /// </summary>
    public void Attach(object owner)
    {
        lock (_lock)
        {
            _owner = owner;
        }
    }

    public bool TryAppendWritten(XmppElement stanza, object owner)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(owner, _owner) || _written != _entries.Count - _head)
            {
                return false;
            }

            _entries.Add(stanza);
            _written++;
            return true;
        }
    }

    /// <summary>The first entry not yet written on the current session.</summary>
    public bool TryPeekUnwritten(out XmppElement stanza)
    {
        lock (_lock)
        {
            var index = _head + _written;
            stanza = index < _entries.Count ? _entries[index] : null!;
            return index < _entries.Count;
        }
    }

    /// <summary>
    /// Records that the entry from <see cref="TryPeekUnwritten"/> was written: kept until acknowledged when the session
    /// counts stanzas (<paramref name="tracked"/>), otherwise dropped and its slot given back.
    /// </summary>
    public void MarkWritten(bool tracked)
    {
        lock (_lock)
        {
            if (tracked)
            {
                _written++;
                return;
            }

            RemoveFront(1);
        }
    }

    /// <summary>
    /// Applies an acknowledgement <c>h</c> (XEP-0198 §4): the server has handled that many stanzas of this session,
    /// counted modulo 2^32; the newly acknowledged ones are dropped. Returns how many.
    /// </summary>
    /// <exception cref="HandledCountTooHighException">The server acknowledges more stanzas than were sent.</exception>
    /// <param name="h">The server's count.</param>
    /// <param name="owner">The writer of the session the acknowledgement arrived on; ignored (0) when that session is over.</param>
    public int Acknowledge(uint h, object owner)
    {
        lock (_lock)
        {
            return ReferenceEquals(owner, _owner) ? Acknowledge(h) : 0;
        }
    }

    /// <summary>
    /// Whether <paramref name="h"/> fits what was sent on the stream-management session, which is <paramref name="sent"/>
    /// stanzas (modulo 2^32): a count no higher than that and no lower than the last acknowledged one.
    /// </summary>
    public bool Fits(uint h, out uint sent)
    {
        lock (_lock)
        {
            sent = unchecked(_acked + (uint)_written);
            return StreamManagementCounter.Difference(h, _acked) <= (uint)_written;
        }
    }

    /// <summary>Applies an acknowledgement for the stanzas written since the last one (see the other overload).</summary>
    /// <exception cref="HandledCountTooHighException">The server acknowledges more stanzas than were sent.</exception>
    public int Acknowledge(uint h)
    {
        lock (_lock)
        {
            if (!Fits(h, out var sent))
            {
                throw new HandledCountTooHighException(h, sent);
            }

            var count = StreamManagementCounter.Difference(h, _acked);

            _acked = h;
            _written -= (int)count;
            RemoveFront((int)count);
            return (int)count;
        }
    }

    /// <summary>After a resumption: the server has handled <paramref name="h"/>; everything after that is written again.</summary>
    public int Resume(uint h)
    {
        lock (_lock)
        {
            var dropped = Acknowledge(h);
            _written = 0;
            return dropped;
        }
    }

    /// <summary>
    /// Prepares for a new session whose stanza count starts at 0: entries already written are kept only when
    /// <paramref name="keepWritten"/> says so (they are sent again); queued ones are all kept. Returns the dropped ones.
    /// </summary>
    public IReadOnlyList<XmppElement> StartOver(Func<XmppElement, bool> keepWritten)
    {
        lock (_lock)
        {
            var dropped = new List<XmppElement>();
            var kept = new List<XmppElement>(_entries.Count - _head);
            for (var i = _head; i < _entries.Count; i++)
            {
                var entry = _entries[i];
                if (i - _head < _written && !keepWritten(entry))
                {
                    dropped.Add(entry);
                }
                else
                {
                    kept.Add(entry);
                }
            }

            _entries.Clear();
            _entries.AddRange(kept);
            _head = 0;
            _written = 0;
            _acked = 0;
            if (dropped.Count > 0)
            {
                _slots.Release(dropped.Count);
            }

            return dropped;
        }
    }

    /// <summary>The ids of the queued stanzas not yet written on the current session.</summary>
    public HashSet<string> UnwrittenIds()
    {
        lock (_lock)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = _head + _written; i < _entries.Count; i++)
            {
                if (_entries[i].GetAttribute("id") is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }
    }

    /// <summary>Whether a presence to everyone (no 'to') waits in the queue.</summary>
    public bool ContainsBroadcastPresence()
    {
        lock (_lock)
        {
            for (var i = _head; i < _entries.Count; i++)
            {
                if (_entries[i].Name == "presence" && _entries[i].GetAttribute("to") is null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Empties the queue (the client is closing) and returns what was never acknowledged.</summary>
    public IReadOnlyList<XmppElement> Clear()
    {
        lock (_lock)
        {
            var left = _entries.GetRange(_head, _entries.Count - _head);
            _entries.Clear();
            _head = 0;
            _written = 0;
            _acked = 0;
            if (left.Count > 0)
            {
                _slots.Release(left.Count);
            }

            return left;
        }
    }

    public void Dispose() => _slots.Dispose();

    private void RemoveFront(int count)
    {
        if (count == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            _entries[_head + i] = null!;
        }

        _head += count;
        if (_head == _entries.Count)
        {
            _entries.Clear();
            _head = 0;
        }
        else if (_head > 256 && _head * 2 > _entries.Count)
        {
            _entries.RemoveRange(0, _head);
            _head = 0;
        }

        _slots.Release(count);
    }
}
