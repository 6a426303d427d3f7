namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>
/// The received blocks of one stream waiting for its reader: blocks are added in order, and an addition beyond the
/// window hands back a task that completes once the reader has made room (the acknowledgement waits for it).
/// </summary>
internal sealed class IbbReceiveBuffer
{
    private readonly object _lock = new();
    private readonly Queue<byte[]> _blocks = new();
    private readonly int _window;
    private int _offset;
    private bool _ended;
    private Exception? _fault;
    private TaskCompletionSource? _dataArrived;
    private TaskCompletionSource? _roomMade;

    public IbbReceiveBuffer(int window)
    {
        _window = window;
    }

    /// <summary>
    /// Adds a block. Returns a completed task while the buffer is within its window, else one that completes when the
    /// reader made room or the buffer ended; <see langword="null"/> when the buffer is over twice its window (a peer
    /// that does not wait for acknowledgements) or already ended.
    /// </summary>
    public Task? Add(byte[] block)
    {
        TaskCompletionSource? wake;
        Task room;
        lock (_lock)
        {
            if (_ended || _blocks.Count >= 2 * _window)
            {
                return null;
            }

            _blocks.Enqueue(block);
            wake = _dataArrived;
            _dataArrived = null;
            if (_blocks.Count <= _window)
            {
                room = Task.CompletedTask;
            }
            else
            {
                _roomMade ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room = _roomMade.Task;
            }
        }

        wake?.TrySetResult();
        return room;
    }

    /// <summary>Ends the buffer: the reader gets what is buffered, then the end (or <paramref name="fault"/> at once).</summary>
    public void End(Exception? fault)
    {
        TaskCompletionSource? wake;
        TaskCompletionSource? room;
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _fault = fault;
            if (fault is not null)
            {
                _blocks.Clear();
            }

            wake = _dataArrived;
            room = _roomMade;
            _dataArrived = null;
            _roomMade = null;
        }

        wake?.TrySetResult();
        room?.TrySetResult();
    }

    /// <summary>Copies buffered bytes into <paramref name="destination"/>, waiting for some; 0 at the end.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            Task arrival;
            lock (_lock)
            {
                if (_blocks.Count > 0)
                {
                    return Take(destination.Span);
                }

                if (_fault is not null)
                {
                    throw new InBandBytestreamException(_fault.Message, _fault);
                }

                if (_ended)
                {
                    return 0;
                }

                _dataArrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrival = _dataArrived.Task;
            }

            await arrival.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private int Take(Span<byte> destination)
    {
        var copied = 0;
        while (copied < destination.Length && _blocks.Count > 0)
        {
            var head = _blocks.Peek();
            var count = Math.Min(head.Length - _offset, destination.Length - copied);
            head.AsSpan(_offset, count).CopyTo(destination[copied..]);
            copied += count;
            _offset += count;
            if (_offset == head.Length)
            {
                _blocks.Dequeue();
                _offset = 0;
            }
        }

        if (_blocks.Count <= _window && _roomMade is { } room)
        {
            _roomMade = null;
            room.TrySetResult(); // Continuations run asynchronously: never inside this lock.
        }

        return copied;
    }
}
