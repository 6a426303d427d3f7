using Microsoft.Extensions.Logging;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// The one writer of a bound session: any number of callers may write at once; each element goes out whole
/// (no interleaved bytes), in the order the lock is granted, and the caller waits while the socket pushes back.
/// </summary>
/// <remarks>
/// The caller's token only bounds the wait for the lock. Once an element is being written it is written and flushed
/// completely (bounded by the session's lifetime), because stopping halfway would corrupt the stream.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The lock has no wait handle to release; see Close.")]
internal sealed class StanzaWriter
{
    private readonly XmppStream _stream;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationToken _sessionLifetime;
    private volatile bool _closed;

    public StanzaWriter(XmppStream stream, ILogger logger, CancellationToken sessionLifetime)
    {
        _stream = stream;
        _logger = logger;
        _sessionLifetime = sessionLifetime;
    }

    /// <summary>Writes one element and flushes it.</summary>
    /// <exception cref="XmppConnectionLostException">The connection is gone.</exception>
    public async ValueTask WriteAsync(XmppElement element, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            await _stream.WriteAsync(element, _sessionLifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (_sessionLifetime.IsCancellationRequested)
        {
            throw new XmppConnectionLostException("The session closed while the stanza was being sent.", error);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends <c>&lt;/stream:stream&gt;</c> after any write in progress.</summary>
    public async ValueTask CloseStreamAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            await _stream.CloseAsync(_sessionLifetime).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
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
            _lock.Release();
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
