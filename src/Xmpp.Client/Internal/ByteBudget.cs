namespace Xmpp.Client.Internal;

/// <summary>
/// How many bytes are held against a limit, with a wait for room: bytes are taken while less than the limit is held
/// (so one item larger than the limit still gets through) and given back when their item is done. Thread-safe.
/// </summary>
internal sealed class ByteBudget(long limit)
{
    private readonly object _gate = new();
    private long _held;
    private TaskCompletionSource? _room;

    /// <summary>How many bytes are held now.</summary>
    public long Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Takes <paramref name="bytes"/> if less than the limit is held (or they are none); otherwise takes nothing.</summary>
    public bool TryTake(long bytes)
    {
        lock (_gate)
        {
            if (bytes > 0 && _held >= limit)
            {
                return false;
            }

            _held += bytes;
            return true;
        }
    }

    /// <summary>Waits until less than the limit is held, then takes <paramref name="bytes"/>.</summary>
    public async ValueTask TakeAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                if (_held < limit)
                {
                    _held += bytes;
                    return;
                }

                _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room = _room.Task;
            }

            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives bytes back, and lets a waiting taker go on once less than the limit is held.</summary>
    public void Give(long bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        TaskCompletionSource? room = null;
        lock (_gate)
        {
            _held -= bytes;
            if (_held < limit)
            {
                room = _room;
                _room = null;
            }
        }

        room?.TrySetResult();
    }
}
