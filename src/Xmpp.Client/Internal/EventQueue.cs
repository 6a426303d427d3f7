using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Internal;

/// <summary>
/// Runs the client's event dispatch on one background task, in the order things were queued: the read loop only
/// queues, so a slow handler never delays IQ replies; a callback that throws is logged and the next one runs.
/// </summary>
/// <remarks>
/// <para>Bounded by count and by bytes: when <c>capacity</c> callbacks are waiting, or the received stanzas queued or
/// being handled add up to <c>maxBytes</c>, queuing waits too, which pushes back on the read loop and through TCP on
/// the server instead of buffering without limit. A stanza is taken while less than <c>maxBytes</c> is held, so one
/// larger than the bound still gets through.</para>
/// <para>Application handlers go through <see cref="RunHandlersAsync"/>: with one handler at a time (the default)
/// they are awaited in place; with more, each starts in order on the event task and runs on by itself once it awaits,
/// while the task goes on to the next event, up to <c>maxConcurrentHandlers</c> at once.</para>
/// <para>A callback may dispose the queue (a bot that quits from its message handler): the queue then stops taking
/// callbacks at once and the task ends after that callback and those queued before the call.</para>
/// </remarks>
internal sealed class EventQueue : IAsyncDisposable
{
    /// <summary>The event the current flow of execution handles, if it is one of this queue's.</summary>
    private static readonly AsyncLocal<EventWork?> Current = new();

    private readonly Channel<EventWork> _channel;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim? _handlerSlots;
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly ByteBudget _bytes;
    private readonly TimeProvider _time;
    private int _detached;
    private TaskCompletionSource? _detachedDone;

    /// <summary>How long <see cref="DisposeAsync"/> waits for handlers still running before it gives up on them.</summary>
    public static readonly TimeSpan HandlerWait = TimeSpan.FromSeconds(10);

    public EventQueue(int capacity, long maxBytes, int maxConcurrentHandlers, ILogger logger, TimeProvider? time = null)
    {
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _bytes = new ByteBudget(maxBytes);
        _channel = Channel.CreateBounded<EventWork>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _handlerSlots = maxConcurrentHandlers > 1 ? new SemaphoreSlim(maxConcurrentHandlers, maxConcurrentHandlers) : null;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many bytes of received stanzas are queued or being handled.</summary>
    public long QueuedBytes => _bytes.Held;

    /// <summary>Completes when the background task has run everything and stopped.</summary>
    public Task Completion => _loop;

    /// <summary>Whether the caller runs inside one of this queue's events (then it must not wait for the queue).</summary>
    public bool InCallback => Current.Value is { Active: true } work && ReferenceEquals(work.Queue, this);

    /// <summary>
    /// Queues the dispatch of a received stanza that took <paramref name="bytes"/> on the wire; waits while the queue
    /// is full or holds <c>maxBytes</c>. The bytes count until the dispatch and the handlers it left running are done.
    /// </summary>
    public ValueTask EnqueueAsync(string name, long bytes, Func<ValueTask> work, CancellationToken cancellationToken)
    {
        var item = new EventWork(this, name, work, bytes);
        if (!_bytes.TryTake(bytes))
        {
            return EnqueueWhenRoomAsync(item, cancellationToken);
        }

        var writing = _channel.Writer.WriteAsync(item, cancellationToken);
        return writing.IsCompletedSuccessfully ? writing : WriteOrGiveBackAsync(writing, item);
    }

    /// <summary>Gives back the bytes of a stanza whose dispatch and handlers are all done.</summary>
    public void ReleaseBytes(long bytes) => _bytes.Give(bytes);

    /// <summary>
    /// Queues a callback without waiting; when the queue is full the callback is queued as soon as there is room. After
    /// disposal it is dropped: nobody listens any more.
    /// </summary>
    public void Post(string name, Func<ValueTask> work)
    {
        var item = new EventWork(this, name, work, bytes: 0);
        if (!_channel.Writer.TryWrite(item))
        {
            _ = PostWhenRoomAsync(item);
        }
    }

    /// <summary>
    /// Runs application handlers for the event being dispatched: in place when handlers run one at a time (or when not
    /// called on the event task); otherwise started here and left running once they await, after waiting for a free
    /// slot. A failure that <paramref name="handlers"/> does not handle itself is logged under <paramref name="name"/>.
    /// </summary>
    public ValueTask RunHandlersAsync(string name, Func<ValueTask> handlers)
    {
        if (_handlerSlots is null || Current.Value is not { Active: true } work || !ReferenceEquals(work.Queue, this))
        {
            return handlers();
        }

        return StartDetachedAsync(name, handlers, work);
    }

    /// <summary>
    /// Keeps the bytes of the stanza being dispatched counted after its handlers return, until the returned event is
    /// released (for a buffer the application drains later); <see langword="null"/> when not called on the event task.
    /// </summary>
    public EventWork? HoldCurrent()
    {
        if (Current.Value is not { Active: true } work || !ReferenceEquals(work.Queue, this))
        {
            return null;
        }

        work.Hold();
        return work;
    }

    /// <summary>
    /// Stops taking callbacks, runs what is queued, waits for the task and for the handlers still running to end (at
    /// most <see cref="HandlerWait"/>) — unless called from an event, which cannot wait for itself: then everything
    /// ends once that event is handled.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (InCallback)
        {
            return;
        }

        // Bounded: a handler that never returns must not make disposing hang (it is left running, and logged).
        try
        {
            await WaitForHandlersAsync().WaitAsync(HandlerWait, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            SessionLog.HandlersStillRunning(_logger, HandlerWait.TotalSeconds);
        }
    }

    private async Task WaitForHandlersAsync()
    {
        await _loop.ConfigureAwait(false);
        Task detached;
        lock (_gate)
        {
            detached = _detached == 0 ? Task.CompletedTask : (_detachedDone ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await detached.ConfigureAwait(false);
    }

    private async ValueTask StartDetachedAsync(string name, Func<ValueTask> handlers, EventWork work)
    {
        await _handlerSlots!.WaitAsync().ConfigureAwait(false);
        work.Hold();
        lock (_gate)
        {
            _detached++;
        }

        ValueTask running;
        try
        {
            running = handlers();
        }
        catch (Exception error)
        {
            running = ValueTask.FromException(error);
        }

        if (running.IsCompletedSuccessfully)
        {
            running.GetAwaiter().GetResult();
            Finish(work);
            return;
        }

        _ = FinishWhenDoneAsync(name, running, work);
    }

    private async Task FinishWhenDoneAsync(string name, ValueTask running, EventWork work)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            SessionLog.HandlerFailed(_logger, name, error);
        }
        finally
        {
            Finish(work);
        }
    }

    private void Finish(EventWork work)
    {
        _handlerSlots!.Release();
        work.Release();
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            if (--_detached == 0)
            {
                done = _detachedDone;
                _detachedDone = null;
            }
        }

        done?.TrySetResult();
    }

    private async ValueTask EnqueueWhenRoomAsync(EventWork item, CancellationToken cancellationToken)
    {
        await _bytes.TakeAsync(item.Bytes, cancellationToken).ConfigureAwait(false);
        await WriteOrGiveBackAsync(_channel.Writer.WriteAsync(item, cancellationToken), item).ConfigureAwait(false);
    }

    /// <summary>Finishes queuing; if that fails (cancelled, or the queue was disposed), the bytes are given back.</summary>
    private async ValueTask WriteOrGiveBackAsync(ValueTask writing, EventWork item)
    {
        try
        {
            await writing.ConfigureAwait(false);
        }
        catch
        {
            ReleaseBytes(item.Bytes);
            throw;
        }
    }

    private async Task PostWhenRoomAsync(EventWork item)
    {
        try
        {
            await _channel.Writer.WriteAsync(item).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Disposed meanwhile: there is nobody left to tell.
        }
    }

    private async Task RunAsync()
    {
        await foreach (var work in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Current.Value = work;
            try
            {
                await work.Run().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, work.Name, error);
            }
            finally
            {
                work.Release();
                Current.Value = null;
            }
        }
    }
}
