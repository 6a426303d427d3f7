using Xmpp.Client.Internal;
using Xmpp.Client.Extensions;
using System.Globalization;
using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>How long <see cref="DisconnectAsync"/> waits for the server's acknowledgements and stream close.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Connects, encrypts, authenticates and binds a resource; returns when the session is ready for stanzas.
    /// Does nothing when already connected. If this first connection fails, the exception says why and no
    /// reconnection is attempted; once connected, a dropped connection is reconnected by itself
    /// (<see cref="XmppClientOptions.AutoReconnect"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the whole attempt.</param>
    /// <exception cref="XmppConnectException">No endpoint could be reached, or the one reached did not answer like an XMPP
    /// server (lists each one tried and why).</exception>
    /// <exception cref="XmppTlsException">TLS failed or the certificate was rejected.</exception>
    /// <exception cref="XmppAuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="XmppStreamErrorException">The server ended the stream with an error.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection during negotiation.</exception>
    /// <exception cref="XmppTimeoutException">The negotiation took longer than <see cref="XmppClientOptions.NegotiationTimeout"/>
    /// (the message names the endpoint and the stage the server stopped answering at).</exception>
    /// <exception cref="InvalidOperationException">Another connect or disconnect is in progress, or the client is reconnecting.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_state == XmppClientState.Connected)
            {
                return;
            }

            if (_state != XmppClientState.Disconnected)
            {
                throw new InvalidOperationException($"ConnectAsync cannot start while the client is {_state}.");
            }

            _state = XmppClientState.Connecting;
        }

        RaiseStateChanged(new XmppClientStateChangedEventArgs(XmppClientState.Disconnected, XmppClientState.Connecting, null));
        try
        {
            _streamManagement.Forget();
            await ConnectSessionAsync(redirect: null, resume: false, backoffStep: 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            DropOutbound("the connection failed");
            SetState(XmppClientState.Disconnected, error);
            throw;
        }
    }

    /// <summary>
    /// Closes the session politely: on a stream-management session waits briefly for the server to acknowledge what
    /// was sent, sends <c>&lt;/stream:stream&gt;</c>, waits briefly for the server's, and closes the connection. Stops
    /// a reconnection in progress. Pending IQ requests fail with <see cref="XmppConnectionLostException"/>; stanzas the
    /// server never acknowledged are listed in <see cref="XmppClientStateChangedEventArgs.UndeliveredStanzas"/>.
    /// Does nothing when not connected.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the server; the connection is closed anyway.</param>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await CloseSessionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CloseSessionAsync(CancellationToken cancellationToken)
    {
        XmppSession? session;
        Task reconnecting;
        lock (_gate)
        {
            session = _session;
            _session = null;
            _ready = null;
            reconnecting = _reconnectLoop;
            if (session is null && _state != XmppClientState.Reconnecting)
            {
                return;
            }

            _state = XmppClientState.Disconnecting;
        }

        RaiseStateChanged(new XmppClientStateChangedEventArgs(XmppClientState.Connected, XmppClientState.Disconnecting, null));
        try
        {
            await _reconnectStop.CancelAsync().ConfigureAwait(false);
            await reconnecting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (session is not null)
            {
                await session.CloseAsync(CloseWait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ResetReconnectStop();
            _streamManagement.Forget();
            var undelivered = DropOutbound("the client disconnected");
            _iqs.FailAll(new XmppConnectionLostException("The client disconnected before the answer arrived."));
            EndRequestLifetime();
            SetState(XmppClientState.Disconnected, null, undelivered);
        }
    }

    /// <summary>
    /// Opens a session and makes it the client's: resumes or starts over with the outbound queue, starts the read
    /// loop, writes what was queued, starts the extensions and reports Connected.
    /// </summary>
    /// <param name="redirect">The host (and port) to connect to instead of the account's server, if any.</param>
    /// <param name="resume">Whether this is a reconnection (which resumes the previous session when it can).</param>
    /// <param name="backoffStep">The reconnection backoff step that opens the session (0 for <see cref="ConnectAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>Whether the previous session was resumed, and how many queued stanzas were written.</returns>
    private async Task<(bool Resumed, int Resent)> ConnectSessionAsync(string? redirect, bool resume, int backoffStep, CancellationToken cancellationToken)
    {
        var events = new SessionEvents(this);
        XmppSession? session = null;
        using var activation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            session = await OpenSessionAsync(events, redirect, resume, cancellationToken).ConfigureAwait(false);
            var negotiated = session.Negotiated;
            PrepareOutbound(session);
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_state is not (XmppClientState.Connecting or XmppClientState.Reconnecting))
                {
                    throw new OperationCanceledException("The client was disconnected while connecting.");
                }

                _session = session;
                _sessionEstablished = false;
                _endedDuringActivation = null;
                _activation = activation;
                _lastBoundJid = negotiated.BoundJid;
            }

            var started = new XmppSessionStartedEventArgs(negotiated.BoundJid, negotiated.Resumed, resume, negotiated.Features);
            Task newSession = Task.CompletedTask;
            if (!negotiated.Resumed)
            {
                RenewRequestLifetime();
                newSession = PostNewSession(started);
            }

            session.Start();
            var resent = await WriteQueuedAsync(session).ConfigureAwait(false);
            if (!negotiated.Resumed)
            {
                await ResendPresenceAsync(resume, activation.Token).ConfigureAwait(false);
            }

            await StartExtensionsAsync(started, newSession, activation.Token).ConfigureAwait(false);

            lock (_gate)
            {
                if (_endedDuringActivation is { } ended)
                {
                    throw ended;
                }

                if (_state is not (XmppClientState.Connecting or XmppClientState.Reconnecting))
                {
                    throw new OperationCanceledException("The client was disconnected while connecting.");
                }

                _sessionEstablished = true;
                _establishedAt = _time.GetTimestamp();
                _backoffStep = backoffStep;
                _state = XmppClientState.Connected;
            }

            // Reported before the session's first stanza, which may already wait in the event queue: whichever of the
            // two the event task reaches first raises it.
            var connected = new XmppClientStateChangedEventArgs(
                resume ? XmppClientState.Reconnecting : XmppClientState.Connecting, XmppClientState.Connected, null, negotiated.Resumed);
            var reportConnected = Once(() => EventInvoker.InvokeAsync(StateChanged, connected, _logger, nameof(StateChanged)));
            events.Ready(started: true, reportConnected);
            _events.Post(nameof(StateChanged), reportConnected);
            return (negotiated.Resumed, resent);
        }
        catch (Exception error)
        {
            // Stanzas a stream-management session read were counted as handled (the server will not send them
            // again): they are delivered even though the session failed. Otherwise they are dropped with it.
            events.Ready(started: session?.Negotiated.StreamManagement == true);
            var ended = error is OperationCanceledException && !cancellationToken.IsCancellationRequested ? _endedDuringActivation : null;
            if (session is not null)
            {
                lock (_gate)
                {
                    if (ReferenceEquals(_session, session))
                    {
                        _session = null;
                        _ready = null;
                    }
                }

                await session.DisposeAsync().ConfigureAwait(false);
            }

            if (ended is not null)
            {
                throw ended; // The connection broke while the extensions were starting: say so, not "cancelled".
            }

            throw;
        }
        finally
        {
            lock (_gate)
            {
                _activation = null;
            }
        }
    }

    private async Task<XmppSession> OpenSessionAsync(SessionEvents events, string? redirect, bool resume, CancellationToken cancellationToken)
    {
        var domain = Options.Jid.Domain;
        var redirected = false;
        while (true)
        {
            var transport = await _connector.ConnectAsync(domain, redirect, cancellationToken).ConfigureAwait(false);
            var stream = new XmppStream(transport, new XmlStreamReaderOptions { MaxElementBytes = Options.MaxStanzaBytes }, _logger);
            using var negotiation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            negotiation.CancelAfter(Options.NegotiationTimeout);
            try
            {
                var negotiator = new StreamNegotiator(Options, _logger, _changedPassword);
                var negotiated = await negotiator.NegotiateAsync(stream, new TlsClientSettings(domain, Options),
                        Options.StreamManagement ? _streamManagement : null, _outbound, resume ? _lastBoundJid : null, negotiation.Token)
                    .ConfigureAwait(false);
                return new XmppSession(stream, negotiated, events, new SessionSettings(_iqs, _outbound, _streamManagement, Options), _logger);
            }
            catch (XmppStreamErrorException error) when (error is { Condition: StreamErrorCondition.SeeOtherHost, OtherHost: { } host } && !redirected)
            {
                // Followed once (RFC 6120 §4.9.3.19): a second redirect is an error, so two servers cannot loop us.
                await stream.DisposeAsync().ConfigureAwait(false);
                SessionLog.Redirected(_logger, host);
                redirect = host;
                redirected = true;
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw new XmppTimeoutException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The server of '{domain}' ({stream.Transport.Remote}) did not complete the negotiation within {Options.NegotiationTimeout.TotalSeconds:0.#} s (stalled at: {stream.Stage})."),
                    error);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private void OnSessionEnded(XmppSession session, Exception? error)
    {
        bool reconnect;
        CancellationTokenSource? activation = null;
        lock (_gate)
        {
            if (!ReferenceEquals(_session, session))
            {
                return; // Closed by DisconnectAsync, which reports the state itself.
            }

            // Writes still in flight see a closed writer before senders see no session, so nothing is written to the
            // dead session after a stanza was queued for the next one.
            session.Writer.Close();
            _session = null;
            _ready = null;
            if (!_sessionEstablished)
            {
                _endedDuringActivation = error ?? new XmppConnectionLostException("The session ended while it was being set up.");
                activation = _activation;
                reconnect = false;
            }
            else
            {
                reconnect = error is not null && Options.AutoReconnect && !_disposed && ReconnectPolicy.IsRecoverable(error);
                _state = reconnect ? XmppClientState.Reconnecting : XmppClientState.Disconnected;
                if (reconnect)
                {
                    var stop = _reconnectStop.Token;
                    var carried = CarriedBackoff();
                    _reconnectLoop = Task.Run(() => ReconnectLoopAsync(error!, carried, stop), CancellationToken.None);
                }
            }
        }

        _ = session.DisposeAsync().AsTask();
        if (activation is not null)
        {
            // Still being set up by ConnectSessionAsync, which reports the failure; stop what it waits for.
            try
            {
                activation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // ConnectSessionAsync has finished already.
            }

            return;
        }

        if (reconnect)
        {
            SessionLog.Reconnecting(_logger, error!.Message);
            RaiseStateChanged(new XmppClientStateChangedEventArgs(XmppClientState.Connected, XmppClientState.Reconnecting, error));
            return;
        }

        if (error is not null && Options.AutoReconnect)
        {
            SessionLog.ReconnectAbandoned(_logger, error.Message);
        }

        _streamManagement.Forget();
        var undelivered = DropOutbound(error?.Message ?? "the session was closed");
        _iqs.FailAll(error ?? new XmppConnectionLostException("The session was closed before the answer arrived."));
        EndRequestLifetime();
        RaiseStateChanged(new XmppClientStateChangedEventArgs(XmppClientState.Connected, XmppClientState.Disconnected, error, false, undelivered));
    }
}
