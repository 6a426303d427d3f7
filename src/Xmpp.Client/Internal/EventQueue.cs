using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Internal;

/// <summary>
/// Runs user callbacks one at a time, in the order they were queued, on one background task: the read loop only
/// queues, so a slow handler never delays IQ replies; a handler that throws is logged and the next one runs.
/// </summary>
/// <remarks>
/// Bounded: when <c>capacity</c> callbacks are waiting, queuing waits too, which pushes back on the read loop and
/// through TCP on the server instead of buffering without limit.
/// </remarks>
internal sealed class EventQueue : IAsyncDisposable
{
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

    /// <summary>Queues a callback; waits while the queue is full.</summary>
    public ValueTask EnqueueAsync(string name, Func<ValueTask> work, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync((name, work), cancellationToken);

    /// <summary>Queues a callback without waiting; when the queue is full the callback is queued as soon as there is room.</summary>
    public void Post(string name, Func<ValueTask> work)
    {
        if (!_channel.Writer.TryWrite((name, work)))
        {
            _ = _channel.Writer.WriteAsync((name, work)).AsTask();
        }
    }

    /// <summary>Runs what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var (name, work) in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                SessionLog.HandlerFailed(_logger, name, error);
            }
        }
    }
}
