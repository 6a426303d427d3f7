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
internal sealed class StanzaWriter : IDisposable
{
    private readonly XmppStream _stream;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationToken _sessionLifetime;

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
            await _stream.WriteAsync(element, _sessionLifetime).ConfigureAwait(false);
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
            await _stream.CloseAsync(_sessionLifetime).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
