namespace Xmpp.Client.Session;

/// <summary>
/// Writes that wait for each other go out together: a stanza written while another writer waits for the lock is left
/// in the pipe, and the next holder flushes it with its own, so a burst of replies costs one TLS record and one send
/// instead of one each. A writer alone flushes at once (no added latency), and a writer whose stanza went out with
/// others returns only once that flush is done (or failed), as if it had flushed itself.
/// </summary>
/// <remarks>
/// Bytes left in the pipe are never stranded: every holder that does not leave its own bytes flushes what an earlier
/// one left (also when it writes nothing or fails), and a waiter that gives up (its token cancelled) while it was the
/// last one expected flushes them itself.
/// </remarks>
internal sealed partial class StanzaWriter
{
    /// <summary>At most this much waits in the pipe for a flush (a few TLS records).</summary>
    private const long CoalesceLimit = 32 * 1024;

    private readonly object _coalescing = new();
    private int _waiting;
    private TaskCompletionSource? _leftInPipe;

    /// <summary>Takes the lock, counted as a waiter meanwhile.</summary>
    private async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        lock (_coalescing)
        {
            _waiting++;
        }

        try
        {
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            bool strandedIfNotFlushed;
            lock (_coalescing)
            {
                _waiting--;
                strandedIfNotFlushed = _leftInPipe is not null && _waiting == 0;
            }

            if (strandedIfNotFlushed)
            {
                _ = FlushLeftBytesAsync();
            }

            throw;
        }

        lock (_coalescing)
        {
            _waiting--;
        }
    }

    /// <summary>
    /// Under the lock, after a stanza was written unflushed: leaves it for the next holder when one waits (and returns
    /// what completes when it is flushed), or flushes it (and what was left before) now.
    /// </summary>
    private async ValueTask<Task?> FlushOrLeaveAsync(long unflushed)
    {
        lock (_coalescing)
        {
            if (_waiting > 0 && unflushed < CoalesceLimit)
            {
                _leftInPipe ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _leftInPipe.Task;
            }
        }

        await FlushHeldAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Under the lock: flushes the pipe and tells the writers whose bytes were in it how it went.</summary>
    private async ValueTask FlushHeldAsync()
    {
        TaskCompletionSource? left;
        lock (_coalescing)
        {
            left = _leftInPipe;
            _leftInPipe = null;
        }

        try
        {
            await _stream.FlushAsync(_sessionLifetime).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            left?.TrySetException(error);
            throw;
        }

        left?.TrySetResult();
    }

    /// <summary>
    /// Releases the lock; unless this holder left its own bytes for the next one, first flushes what an earlier holder
    /// left (a failure reaches those writers, not this one).
    /// </summary>
    private async ValueTask ExitAsync(bool leftForOthers)
    {
        try
        {
            if (!leftForOthers && Volatile.Read(ref _leftInPipe) is not null)
            {
                await FlushHeldAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is XmppConnectionLostException or OperationCanceledException)
        {
            // Told to the writers whose bytes those were.
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Flushes bytes left for a waiter that gave up, once the lock is free.</summary>
    private async Task FlushLeftBytesAsync()
    {
        try
        {
            // Not EnterAsync: this is no waiter of its own, and giving up must not start another of these.
            await _lock.WaitAsync(_sessionLifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            FailLeftBytes(new XmppConnectionLostException("The session closed while the stanza was being sent."));
            return;
        }

        await ExitAsync(leftForOthers: false).ConfigureAwait(false);
    }

    private void FailLeftBytes(Exception error)
    {
        TaskCompletionSource? left;
        lock (_coalescing)
        {
            left = _leftInPipe;
            _leftInPipe = null;
        }

        left?.TrySetException(error);
    }
}
