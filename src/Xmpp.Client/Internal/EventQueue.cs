using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Internal;

/// <summary>
/// Runs user callbacks one at a time, in the order they were queued, on one background task: the read loop only
/// queues, so a slow handler never delays IQ replies; a handler that throws is logged and the next one runs.
/// </summary>
/// <remarks>
/// <para>Bounded: when <c>capacity</c> callbacks are waiting, queuing waits too, which pushes back on the read loop and
/// through TCP on the server instead of buffering without limit.</para>
/// <para>A callback may dispose the queue (a bot that quits from its message handler): the queue then stops taking
/// callbacks at once and the task ends after that callback and those queued before the call.</para>
/// </remarks>
internal sealed class EventQueue : IAsyncDisposable
{
    /// <summary>The callback the current flow of execution belongs to, if it is one of this queue's.</summary>
    private static readonly AsyncLocal<Running?> Current = new();

    private readonly Channel<(string Name, Func<ValueTask> Work)> _channel;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public EventQueue(int capacity, ILogger logger)
    {
        _logger = logger;
        _channel = Channel.CreateBounded<(string, Func<ValueTask>)>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the background task has run everything and stopped.</summary>
    public Task Completion => _loop;

    /// <summary>Whether the caller runs inside one of this queue's callbacks (then it must not wait for the queue).</summary>
    public bool InCallback => Current.Value is { Active: true } running && ReferenceEquals(running.Queue, this);

    /// <summary>Queues a callback; waits while the queue is full.</summary>
    public ValueTask EnqueueAsync(string name, Func<ValueTask> work, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync((name, work), cancellationToken);

    /// <summary>
    /// Queues a callback without waiting; when the queue is full the callback is queued as soon as there is room. After
    /// disposal it is dropped: nobody listens any more.
    /// </summary>
    public void Post(string name, Func<ValueTask> work)
    {
        if (!_channel.Writer.TryWrite((name, work)))
        {
            _ = PostWhenRoomAsync(name, work);
        }
    }

    /// <summary>
    /// Stops taking callbacks, runs what is queued and waits for the task to end — unless called from a callback,
    /// which cannot wait for itself: then the task ends once that callback (and what was queued before) is done.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        if (InCallback)
        {
            return;
        }

        await _loop.ConfigureAwait(false);
    }

    private async Task PostWhenRoomAsync(string name, Func<ValueTask> work)
    {
        try
        {
            await _channel.Writer.WriteAsync((name, work)).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Disposed meanwhile: there is nobody left to tell.
        }
    }

    private async Task RunAsync()
    {
        await foreach (var (name, work) in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var running = new Running(this);
            Current.Value = running;
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, name, error);
            }
            finally
            {
                running.Active = false;
                Current.Value = null;
            }
        }
    }

    /// <summary>Marks the flow of one callback; tasks it starts carry the mark, which counts only while it runs.</summary>
    private sealed class Running(EventQueue queue)
    {
        private volatile bool _active = true;

        public EventQueue Queue { get; } = queue;

        public bool Active
        {
            get => _active;
            set => _active = value;
        }
    }
}
