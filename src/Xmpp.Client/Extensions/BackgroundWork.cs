using Microsoft.Extensions.Logging;
using Xmpp.Client.Session;

namespace Xmpp.Client.Extensions;

/// <summary>
/// The extensions' background tasks (a rejoin loop, a periodic check): each gets a token cancelled when the client is
/// disposed, its failure is logged, and <see cref="StopAsync"/> waits for all of them, so disposal leaves none running.
/// </summary>
internal sealed class BackgroundWork : IDisposable
{
    private static readonly AsyncLocal<bool> InsideWork = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];
    private readonly object _gate = new();

    /// <summary>Starts <paramref name="work"/> on the thread pool; ignored once stopping.</summary>
    public void Run(Func<CancellationToken, Task> work, ILogger logger)
    {
        Task task;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            // Without the caller's execution context: work started from an event must not count as running inside
            // that event (the event queue's marker is an AsyncLocal), or waiting for a stanza would be refused there.
            using (ExecutionContext.SuppressFlow())
            {
                task = Task.Run(() => RunAsync(work, logger));
            }

            _running.Add(task);
        }

        task.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels every task and waits for them, except when called from one of them (it would wait for itself).</summary>
    public async Task StopAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }

            running = [.. _running];
        }

        if (!InsideWork.Value && running.Length > 0)
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Frees the token source; call after <see cref="StopAsync"/>.</summary>
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(Func<CancellationToken, Task> work, ILogger logger)
    {
        InsideWork.Value = true;
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposal: the expected end.
        }
        catch (Exception error)
        {
            SessionLog.HandlerFailed(logger, "extension's background work", error);
        }
    }

    private static void Forget(Task task, object? state)
    {
        var work = (BackgroundWork)state!;
        lock (work._gate)
        {
            work._running.Remove(task);
        }
    }
}
