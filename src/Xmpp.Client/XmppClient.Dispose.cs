namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private Task? _closedForDisposal;

    /// <summary>
    /// Closes the session politely if it is open, runs the events already queued, waits for the event handlers still
    /// running (at most 10 s: a handler that never returns is left running, with a warning in the log), stops the event
    /// task and releases everything; afterwards no task of the client runs. May be called from
    /// an event handler (a bot that quits on a command): it then returns once the session is closed, without waiting
    /// for the handler it is called from, and the event task ends as soon as the handlers return. Calling it again
    /// waits for the same things (from outside a handler, for the event task to end).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource? closing = null;
        Task closed;
        lock (_gate)
        {
            _disposed = true;
            if (_closedForDisposal is null)
            {
                closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _closedForDisposal = closing.Task;
            }

            closed = _closedForDisposal;
        }

        if (closing is null)
        {
            await closed.ConfigureAwait(false);
            await _events.DisposeAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await _disposing.CancelAsync().ConfigureAwait(false);
            await _extensions.Background.StopAsync().ConfigureAwait(false);
            await CloseForDisposalAsync().ConfigureAwait(false);
        }
        finally
        {
            closing.SetResult();
        }

        await _events.DisposeAsync().ConfigureAwait(false);
        _reconnectStop.Dispose();
        _extensions.Background.Dispose();
        _disposing.Dispose();
        _metrics.Dispose();

        // The outbound queue is not disposed: a send that the close cut short may still be on its way out and give its
        // slot back (its semaphore has no wait handle, so there is nothing to release).
    }

    private async Task CloseForDisposalAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await CloseSessionAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // The polite close took too long (a write stuck on a peer that reads nothing): the session is closed
            // without it, and disposing does not fail for that.
        }
    }
}
