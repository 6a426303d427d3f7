using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// A bound session: one read loop that completes IQ replies, answers and applies XEP-0198 acknowledgements and hands
/// everything else to the handler; one writer; and the keepalive timer. Ends when the stream closes, the connection
/// breaks or goes silent, or the client closes it.
/// </summary>
internal sealed partial class XmppSession : IAsyncDisposable
{
    private readonly XmppStream _stream;
    private readonly ISessionHandler _handler;
    private readonly ILogger _logger;
    private readonly SessionSettings _settings;
    private readonly CancellationTokenSource _lifetime = new();
    private Task _readLoop = Task.CompletedTask;
    private Task _timers = Task.CompletedTask;
    private long _lastReceived = Environment.TickCount64;
    private long _receivedElements;
    private Exception? _abortError;
    private volatile bool _closing;
    private int _disposed;

    public XmppSession(XmppStream stream, NegotiatedSession negotiated, ISessionHandler handler, SessionSettings settings, ILogger logger)
    {
        _stream = stream;
        _handler = handler;
        _logger = logger;
        _settings = settings;
        Negotiated = negotiated;
        Writer = new StanzaWriter(stream, _lifetime.Token, negotiated.StreamManagement ? settings.Outbound : null,
            settings.Options.AckRequestStanzas);
    }

    public NegotiatedSession Negotiated { get; }

    public Jid BoundJid => Negotiated.BoundJid;

    public StanzaWriter Writer { get; }

    /// <summary>Completes when the read loop has ended.</summary>
    public Task Completion => _readLoop;

    public void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _timers = Task.Run(TimersAsync);
    }

    /// <summary>
    /// Closes the stream politely: on a stream-management session first asks the server to acknowledge what it got
    /// (so nothing is left unacknowledged), then sends <c>&lt;/stream:stream&gt;</c>, waits up to <paramref name="wait"/>
    /// for the server's, and closes the connection.
    /// </summary>
    public async Task CloseAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(wait);
            await AwaitAcknowledgementsAsync(deadline.Token).ConfigureAwait(false);
            _closing = true;
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

    /// <summary>Ends the session as if the connection broke (the peer went silent): the handler is told with <paramref name="error"/>.</summary>
    public void Abort(Exception error)
    {
        Interlocked.CompareExchange(ref _abortError, error, null);
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: the session is over anyway.
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
        await _timers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _lifetime.Dispose();
    }

    private async Task AwaitAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        if (!Writer.Tracking || _settings.Outbound.Written == 0)
        {
            return;
        }

        try
        {
            await Writer.RequestAckAsync(cancellationToken).ConfigureAwait(false);
            while (_settings.Outbound.Written > 0 && !_readLoop.IsCompleted)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Closing anyway; what is unacknowledged is reported by the client.
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        var token = _lifetime.Token;
        try
        {
            // From here on a stanza over a limit is skipped, not the end of the stream (see OnSkippedAsync).
            _stream.SkipElementsOverLimits = true;
            foreach (var early in Negotiated.EarlyElements)
            {
                await RouteAsync(early, 0, token).ConfigureAwait(false);
            }

            while (true)
            {
                var item = await _stream.ReadAsync(token).ConfigureAwait(false);
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                Volatile.Write(ref _receivedElements, _receivedElements + 1);
                if (item.Skipped is { } skipped)
                {
                    await OnSkippedAsync(skipped, token).ConfigureAwait(false);
                    continue;
                }

                var element = item.Element;
                if (element is null)
                {
                    if (!_closing)
                    {
                        error = new XmppConnectionLostException("The server closed the stream.");
                        await Writer.CloseStreamAsync(token).ConfigureAwait(false);
                    }

                    break;
                }

                if (Negotiated.StreamManagement)
                {
                    if (element.Namespace == Namespaces.StreamManagement)
                    {
                        await OnStreamManagementAsync(element, token).ConfigureAwait(false);
                        continue;
                    }

                    if (IsStanza(element))
                    {
                        _settings.StreamManagement.CountInbound();
                    }
                }

                await RouteAsync(element, _stream.LastElementBytes, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client closed the session, or the keepalive found the server silent (then _abortError says so).
            error = _closing ? null : Volatile.Read(ref _abortError);
        }
        catch (Exception failure) when (failure is XmppException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Whatever broke the loop, waiting callers get the documented exception type.
            error = _closing ? null
                : failure as XmppException ?? new XmppConnectionLostException("The connection to the server was lost.", failure);
        }

        SessionLog.SessionEnded(_logger, error?.Message ?? "closed");
        _handler.OnEnded(this, error);
    }

    private async ValueTask RouteAsync(XmppElement element, long bytes, CancellationToken cancellationToken)
    {
        var stanza = StanzaFactory.FromElement(element);
        if (stanza is not null && stanza.HasInvalidFrom)
        {
            // Not "no from" (the account's own server): nothing may answer a request, complete a wait or reach a
            // handler on the strength of an address that is no address.
            RemoteLog.InvalidFrom(_logger, element.Name, stanza.Id, element.GetAttribute("from")!);
            _settings.Metrics.Dropped("invalid_from");
            return;
        }

        if (stanza is Iq { IsRequest: false } reply)
        {
            if (!_settings.Iqs.TryComplete(reply, out var spoofed) && spoofed is not null)
            {
                SessionLog.SpoofedIqReply(_logger, reply.Id ?? string.Empty, reply.From?.ToString() ?? "(none)", spoofed.To?.ToString() ?? "(account)");
                _settings.Metrics.Dropped("spoofed_reply");
            }

            return;
        }

        if (stanza is not null)
        {
            await _handler.OnStanzaAsync(stanza, bytes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _handler.OnNonStanzaAsync(element, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsStanza(XmppElement element) =>
        element.Namespace == Namespaces.Client && element.Name is "message" or "presence" or "iq";
}
