using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The one writer of a bound session: any number of callers may write at once; each element goes out whole
/// (no interleaved bytes), in the order the lock is granted, and the caller waits while the socket pushes back.
/// On a stream-management session every stanza is kept in the <see cref="OutboundQueue"/> before it is written, and
/// an acknowledgement is requested every few stanzas.
/// </summary>
/// <remarks>
/// The caller's token only bounds the wait for the lock. Once an element is being written it is written and flushed
/// completely (bounded by the session's lifetime), because stopping halfway would corrupt the stream. Stanzas written
/// while others wait for the lock go out together (see StanzaWriter.Coalescing.cs).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lock has no wait handle to release; see Close.")]
internal sealed partial class StanzaWriter
{
    private static readonly XmppElement AckRequest = new("r", Namespaces.StreamManagement);
    private readonly XmppStream _stream;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationToken _sessionLifetime;
    private readonly OutboundQueue? _tracker;
    private readonly int _ackEvery;
    private int _sinceAckRequest;
    private bool _askedWhileFull;
    private long _lastWrite = Environment.TickCount64;
    private long _lastAckRequest = Environment.TickCount64;
    private volatile bool _closed;

    /// <param name="stream">The stream to write to.</param>
    /// <param name="sessionLifetime">Cancelled when the session ends.</param>
    /// <param name="tracker">Where stanzas are kept until acknowledged; <see langword="null"/> without stream management.</param>
    /// <param name="ackEvery">Request an acknowledgement after this many stanzas.</param>
    public StanzaWriter(XmppStream stream, CancellationToken sessionLifetime, OutboundQueue? tracker = null, int ackEvery = 10)
    {
        _stream = stream;
        _sessionLifetime = sessionLifetime;
        _tracker = tracker;
        _ackEvery = ackEvery;
    }

    /// <summary>Whether stanzas are counted and kept until acknowledged (XEP-0198).</summary>
    public bool Tracking => _tracker is not null;

    /// <summary>When something was last written (<see cref="Environment.TickCount64"/>).</summary>
    public long LastWrite => Volatile.Read(ref _lastWrite);

    /// <summary>When an acknowledgement was last requested (<see cref="Environment.TickCount64"/>).</summary>
    public long LastAckRequest => Volatile.Read(ref _lastAckRequest);

    /// <summary>
    /// Writes one stanza and returns once it is flushed (kept until acknowledged on a stream-management session).
    /// When other writers wait, it is flushed together with theirs.
    /// </summary>
    /// <exception cref="XmppConnectionLostException">The connection broke while an untracked stanza was written.</exception>
    public async ValueTask<WriteOutcome> WriteStanzaAsync(XmppElement stanza, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        Task? flushedWithOthers = null;
        try
        {
            if (_closed || (_tracker is not null && !_tracker.TryAppendWritten(stanza, this)))
            {
                return WriteOutcome.NotWritten;
            }

            var unflushed = await WriteCountedAsync(stanza).ConfigureAwait(false);
            flushedWithOthers = await FlushOrLeaveAsync(unflushed).ConfigureAwait(false);
        }
        catch (Exception error) when (IsConnectionLoss(error))
        {
            return Lost(error);
        }
        finally
        {
            await ExitAsync(flushedWithOthers is not null).ConfigureAwait(false);
        }

        if (flushedWithOthers is not null)
        {
            try
            {
                await flushedWithOthers.ConfigureAwait(false);
            }
            catch (Exception error) when (IsConnectionLoss(error))
            {
                return Lost(error);
            }
        }

        return WriteOutcome.Written;
    }

    /// <summary>
    /// Writes the queue's stanzas that are not yet written on this session, in order (after a reconnect), flushing
    /// every few kilobytes. Returns how many; stops early (without throwing) when the connection breaks.
    /// </summary>
    public async Task<int> WriteQueuedAsync(OutboundQueue queue)
    {
        await EnterAsync(_sessionLifetime).ConfigureAwait(false);
        var count = 0;
        try
        {
            while (!_closed && queue.TryPeekUnwritten(out var stanza))
            {
                // Tracked: counted from now on, as the server will count it. Untracked: dropped only once written,
                // so a stanza whose write fails is tried again on the next connection.
                if (_tracker is not null)
                {
                    queue.MarkWritten(tracked: true);
                }

                // Untracked stanzas are flushed one by one: one that is marked written must be on its way.
                if (await WriteCountedAsync(stanza).ConfigureAwait(false) >= CoalesceLimit || _tracker is null)
                {
                    await FlushHeldAsync().ConfigureAwait(false);
                }

                if (_tracker is null)
                {
                    queue.MarkWritten(tracked: false);
                }

                count++;
            }

            await FlushHeldAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (IsConnectionLoss(error))
        {
            // The connection broke: what is left stays queued for the next one.
        }
        finally
        {
            await ExitAsync(leftForOthers: false).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>Writes an element that is not a stanza (stream management, keepalive): never counted.</summary>
    /// <exception cref="XmppConnectionLostException">The connection is gone.</exception>
    public ValueTask WriteAsync(XmppElement element, CancellationToken cancellationToken) => WriteAsync(() => element, cancellationToken);

    /// <summary>Writes an element made by <paramref name="build"/> once it is its turn (so it can say what is true
    /// then, such as the current count in an acknowledgement); never counted.</summary>
    /// <exception cref="XmppConnectionLostException">The connection is gone.</exception>
    public async ValueTask WriteAsync(Func<XmppElement> build, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            var element = build();
            await _stream.WriteAsync(element, flush: false, _sessionLifetime).ConfigureAwait(false);
            await FlushHeldAsync().ConfigureAwait(false);
            Touch(element == AckRequest);
        }
        catch (OperationCanceledException error) when (_sessionLifetime.IsCancellationRequested)
        {
            throw new XmppConnectionLostException("The session closed while the element was being sent.", error);
        }
        finally
        {
            await ExitAsync(leftForOthers: false).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the server how many stanzas it has handled (<c>&lt;r/&gt;</c>).</summary>
    public ValueTask RequestAckAsync(CancellationToken cancellationToken) => WriteAsync(AckRequest, cancellationToken);

    /// <summary>Sends a whitespace keepalive (RFC 6120 §4.6.1).</summary>
    public async ValueTask WriteWhitespaceAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            await _stream.WriteWhitespaceAsync(_sessionLifetime).ConfigureAwait(false);
            Touch(ackRequest: false);
        }
        catch (OperationCanceledException error) when (_sessionLifetime.IsCancellationRequested)
        {
            throw new XmppConnectionLostException("The session closed while the keepalive was being sent.", error);
        }
        finally
        {
            await ExitAsync(leftForOthers: false).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <c>&lt;/stream:stream&gt;</c> after any write in progress.</summary>
    public async ValueTask CloseStreamAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            await _stream.CloseAsync(_sessionLifetime).ConfigureAwait(false);
        }
        finally
        {
            await ExitAsync(leftForOthers: false).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses further writes (the session is over). The lock is not disposed: late writers may still be
    /// waiting for it, and must get <see cref="XmppConnectionLostException"/>, not <see cref="ObjectDisposedException"/>.</summary>
    public void Close() => _closed = true;

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until no write is in progress, so the stream under it can be closed
    /// without a flush racing the close. Call after <see cref="Close"/> and after cancelling the session's lifetime.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        if (await _lock.WaitAsync(timeout).ConfigureAwait(false))
        {
            await ExitAsync(leftForOthers: false).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes a stanza already kept by the tracker (or untracked), then asks for an ack every few stanzas, leaving
    /// both in the pipe; returns how many bytes wait for a flush.
    /// </summary>
    private async ValueTask<long> WriteCountedAsync(XmppElement stanza)
    {
        var unflushed = await _stream.WriteAsync(stanza, flush: false, _sessionLifetime).ConfigureAwait(false);
        Touch(ackRequest: false);
        // Every few stanzas, and once when the queue fills: then no sender can go on until the server acknowledges,
        // which it does only when asked (AckRequestStanzas may be more than MaxUnacknowledgedStanzas). Once per
        // filling: resending a full queue after a reconnect must not ask after every stanza.
        var full = _tracker?.IsFull == true;
        var askBecauseFull = full && !_askedWhileFull;
        _askedWhileFull = full && (_askedWhileFull || askBecauseFull);
        if (_tracker is not null && (++_sinceAckRequest >= _ackEvery || askBecauseFull))
        {
            unflushed = await _stream.WriteAsync(AckRequest, flush: false, _sessionLifetime).ConfigureAwait(false);
            Touch(ackRequest: true);
        }

        return unflushed;
    }

    private bool IsConnectionLoss(Exception error) =>
        error is XmppConnectionLostException || (error is OperationCanceledException && _sessionLifetime.IsCancellationRequested);

    /// <summary>A stanza whose write or flush the connection's loss cut short: kept for resending when tracked.</summary>
    private WriteOutcome Lost(Exception error) => _tracker is not null
        ? WriteOutcome.KeptForResend
        : throw error as XmppConnectionLostException ?? new XmppConnectionLostException("The session closed while the stanza was being sent.", error);

    private void Touch(bool ackRequest)
    {
        var now = Environment.TickCount64;
        Volatile.Write(ref _lastWrite, now);
        if (ackRequest)
        {
            _sinceAckRequest = 0;
            Volatile.Write(ref _lastAckRequest, now);
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new XmppConnectionLostException("The session is closed; nothing more can be sent on it.");
        }
    }
}
