using Xmpp.Client.Internal;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private readonly StreamManagementState _streamManagement = new();
    private readonly OutboundQueue _outbound;
    private readonly IqTracker _iqs = new();
    private CancellationTokenSource _reconnectStop = new();
    private Task _reconnectLoop = Task.CompletedTask;
    private bool _sessionEstablished;
    private Exception? _endedDuringActivation;
    private CancellationTokenSource? _activation;
    private Jid? _lastBoundJid;
    private int _backoffStep;
    private long _establishedAt;

    /// <summary>The stanzas kept for acknowledgement or queued while reconnecting (for tests).</summary>
    internal OutboundQueue Outbound => _outbound;

    /// <summary>
    /// Raised after the client reconnected by itself, on the client's event task after <see cref="StateChanged"/>
    /// reported <see cref="XmppClientState.Connected"/>. When <see cref="XmppReconnectedEventArgs.Resumed"/> is
    /// <see langword="false"/> the server had forgotten the previous session: the client has sent its last presence
    /// again, but the application should re-fetch its roster, re-join rooms and so on. The next event waits for the
    /// handler's task; a handler that throws is logged and never affects the client or the process.
    /// </summary>
    public event Func<XmppReconnectedEventArgs, Task>? Reconnected;

    /// <summary>
    /// Reconnects until a session is open, the failure is final, or <see cref="XmppClientOptions.MaxReconnectAttempts"/>
    /// attempts (counted per outage) failed. Every attempt waits first (<see cref="ReconnectPolicy.Delay"/>).
    /// </summary>
    /// <param name="cause">Why the previous session ended.</param>
    /// <param name="carried">The backoff step to continue from (0 to start again; see <see cref="ReconnectPolicy.StablePeriod"/>).</param>
    /// <param name="cancellationToken">Stops the loop (disconnect or dispose).</param>
    private async Task ReconnectLoopAsync(Exception cause, int carried, CancellationToken cancellationToken)
    {
        var redirect = cause is XmppStreamErrorException { Condition: StreamErrorCondition.SeeOtherHost, OtherHost: { } host }
            ? host
            : _streamManagement.Location;
        var last = cause;
        if (carried > 0)
        {
            SessionLog.BackoffContinued(_logger, _time.GetElapsedTime(_establishedAt).TotalSeconds,
                ReconnectPolicy.StablePeriod(Options).TotalSeconds, carried + 1);
        }

        for (var attempt = 1; ; attempt++)
        {
            if (Options.MaxReconnectAttempts is { } max && attempt > max)
            {
                GiveUp(new XmppConnectionLostException($"Reconnecting failed {max} times; the last attempt failed with: {last.Message}", last));
                return;
            }

            var step = carried + attempt;
            var delay = ReconnectPolicy.Delay(step, Options, Random.Shared);
            SessionLog.ReconnectAttempt(_logger, attempt, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                var (resumed, resent) = await ConnectSessionAsync(redirect, resume: true, step, cancellationToken).ConfigureAwait(false);
                SessionLog.Reconnected(_logger, attempt, resumed, resent);
                _metrics.Reconnected(resumed);
                var args = new XmppReconnectedEventArgs(resumed, attempt, resent, cause);
                _events.Post(nameof(Reconnected), () => EventInvoker.InvokeAsync(Reconnected, args, _logger, nameof(Reconnected)));
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // DisconnectAsync or DisposeAsync stopped the loop and reports the state.
            }
            catch (Exception error)
            {
                last = error;
                redirect = null;
                if (!ReconnectPolicy.IsRecoverable(error))
                {
                    SessionLog.ReconnectAbandoned(_logger, error.Message);
                    GiveUp(error);
                    return;
                }

                SessionLog.ReconnectFailed(_logger, attempt, error.Message);
            }
        }
    }

    /// <summary>
    /// The backoff step a reconnection continues from: the one that opened the session that just ended when that
    /// session did not live for <see cref="ReconnectPolicy.StablePeriod"/>, otherwise 0. Called under <c>_gate</c>.
    /// </summary>
    private int CarriedBackoff() =>
        _time.GetElapsedTime(_establishedAt) < ReconnectPolicy.StablePeriod(Options) ? _backoffStep : 0;

    private void GiveUp(Exception error)
    {
        lock (_gate)
        {
            if (_state != XmppClientState.Reconnecting)
            {
                return;
            }

            _state = XmppClientState.Disconnected;
        }

        _streamManagement.Forget();
        var undelivered = DropOutbound(error.Message);
        _iqs.FailAll(error);
        EndRequestLifetime();
        RaiseStateChanged(new XmppClientStateChangedEventArgs(XmppClientState.Reconnecting, XmppClientState.Disconnected, error, false, undelivered));
    }

    /// <summary>
    /// Lines the outbound queue up with the new session. Resumed: the server's count drops what it handled; the rest
    /// is written again. New session: the old one is gone with its count. Messages and presences it never acknowledged
    /// are sent again (they may arrive twice if the old server delivered them without acknowledging). IQ requests are
    /// not: a set could be applied twice, and their answers would go to the old session, so their callers get
    /// <see cref="XmppConnectionLostException"/>. Stanzas queued while reconnecting (never written) are all sent.
    /// </summary>
    private void PrepareOutbound(XmppSession session)
    {
        var negotiated = session.Negotiated;
        _outbound.Attach(session.Writer);
        if (negotiated.Resumed)
        {
            _outbound.Resume(negotiated.ServerHandled!.Value);
            return;
        }

        if (negotiated.ServerHandled is { } handled)
        {
            try
            {
                _outbound.Acknowledge(handled); // XEP-0198 §5: <failed h='…'/> tells what the old session handled.
            }
            catch (XmppException)
            {
                // A count that does not fit what we sent is ignored: everything unacknowledged is sent again.
            }
        }

        var queued = _outbound.UnwrittenIds();
        var dropped = _outbound.StartOver(static stanza => stanza.Name is "message" or "presence");
        _iqs.FailAll(new XmppConnectionLostException("The connection was lost and the server could not resume the session; the request may or may not have been processed."),
            keep: id => queued.Contains(id));
        if (dropped.Count > 0)
        {
            SessionLog.StanzasDropped(_logger, dropped.Count, "IQs of a session the server could not resume");
        }
    }

    /// <summary>Writes what is queued, then lets senders write directly (once nothing queued is left).</summary>
    private async Task<int> WriteQueuedAsync(XmppSession session)
    {
        var total = 0;
        while (true)
        {
            var written = await session.Writer.WriteQueuedAsync(_outbound).ConfigureAwait(false);
            total += written;
            lock (_gate)
            {
                if (_endedDuringActivation is { } ended)
                {
                    throw ended;
                }

                if (_outbound.AllWritten)
                {
                    _ready = session;
                    return total;
                }
            }

            if (written == 0)
            {
                await session.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw _endedDuringActivation ?? new XmppConnectionLostException("The connection broke while queued stanzas were sent.");
            }
        }
    }

    /// <summary>On a new session after a reconnect, the server has forgotten our presence: send the last one again.</summary>
    private async Task ResendPresenceAsync(bool reconnecting, CancellationToken cancellationToken)
    {
        if (reconnecting && Volatile.Read(ref _lastPresence) is { } presence && !_outbound.ContainsBroadcastPresence())
        {
            await SendOwnAsync(StanzaCopy.Of(presence), decorate: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the last broadcast available presence again (prepared afresh, so with the current capabilities), if one
    /// was sent and the client is connected; otherwise the next presence carries the change.
    /// </summary>
    internal async ValueTask ReannouncePresenceAsync(CancellationToken cancellationToken)
    {
        if (State == XmppClientState.Connected && Volatile.Read(ref _lastPresence) is { } presence)
        {
            await SendOwnAsync(StanzaCopy.Of(presence), decorate: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Empties the outbound queue when the client stops for good, and returns what never got through.</summary>
    private Stanza[] DropOutbound(string reason)
    {
        var left = _outbound.Clear();
        if (left.Count == 0)
        {
            return [];
        }

        SessionLog.StanzasDropped(_logger, left.Count, reason);
        return left.Select(element => StanzaFactory.FromElement(element)).OfType<Stanza>().ToArray();
    }

    private void ResetReconnectStop()
    {
        lock (_gate)
        {
            if (_reconnectStop.IsCancellationRequested)
            {
                _reconnectStop.Dispose();
                _reconnectStop = new CancellationTokenSource();
            }
        }
    }
}
