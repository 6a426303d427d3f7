using Microsoft.Extensions.Logging;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// A bound session: one read loop that completes IQ replies and hands everything else to the handler, one writer,
/// and the pending IQs. Ends when the stream closes, the connection breaks, or the client closes it.
/// </summary>
internal sealed class XmppSession : IAsyncDisposable
{
    private readonly XmppStream _stream;
    private readonly ISessionHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private Task _readLoop = Task.CompletedTask;
    private volatile bool _closing;
    private int _disposed;

    public XmppSession(XmppStream stream, NegotiatedSession negotiated, ISessionHandler handler, ILogger logger)
    {
        _stream = stream;
        _handler = handler;
        _logger = logger;
        Negotiated = negotiated;
        Writer = new StanzaWriter(stream, logger, _lifetime.Token);
    }

    public NegotiatedSession Negotiated { get; }

    public Jid BoundJid => Negotiated.BoundJid;

    public StanzaWriter Writer { get; }

    public IqTracker Iqs { get; } = new();

    /// <summary>Completes when the read loop has ended.</summary>
    public Task Completion => _readLoop;

    public void Start() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>
    /// Closes the stream politely: sends <c>&lt;/stream:stream&gt;</c>, waits up to <paramref name="wait"/> for the
    /// server's, then closes the connection.
    /// </summary>
    public async Task CloseAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        _closing = true;
        try
        {
            await Writer.CloseStreamAsync(cancellationToken).ConfigureAwait(false);
            await _readLoop.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppConnectionLostException or TimeoutException)
        {
            SessionLog.SessionEnded(_logger, $"closed without the server's stream close ({error.Message})");
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closing = true;
        Writer.Close();
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await Writer.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _lifetime.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        var token = _lifetime.Token;
        try
        {
            while (true)
            {
                var element = await _stream.ReadElementAsync(token).ConfigureAwait(false);
                if (element is null)
                {
                    if (!_closing)
                    {
                        error = new XmppConnectionLostException("The server closed the stream.");
                        await Writer.CloseStreamAsync(token).ConfigureAwait(false);
                    }

                    break;
                }

                await RouteAsync(element, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client closed the session.
        }
        catch (Exception failure) when (failure is XmppException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Whatever broke the loop, waiting callers get the documented exception type.
            error = _closing ? null
                : failure as XmppException ?? new XmppConnectionLostException("The connection to the server was lost.", failure);
        }

        Iqs.FailAll(error ?? new XmppConnectionLostException("The session was closed before the answer arrived."));
        SessionLog.SessionEnded(_logger, error?.Message ?? "closed");
        _handler.OnEnded(this, error);
    }

    private async ValueTask RouteAsync(XmppElement element, CancellationToken cancellationToken)
    {
        var stanza = StanzaFactory.FromElement(element);
        if (stanza is Iq { IsRequest: false } reply)
        {
            if (!Iqs.TryComplete(reply, out var spoofed) && spoofed is not null)
            {
                SessionLog.SpoofedIqReply(_logger, reply.Id ?? string.Empty, reply.From?.ToString() ?? "(none)", spoofed.To?.ToString() ?? "(account)");
            }

            return;
        }

        if (stanza is not null)
        {
            await _handler.OnStanzaAsync(stanza, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _handler.OnNonStanzaAsync(element, cancellationToken).ConfigureAwait(false);
        }
    }
}
