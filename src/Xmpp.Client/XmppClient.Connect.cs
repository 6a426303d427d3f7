using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>How long <see cref="DisconnectAsync"/> waits for the server to close its side of the stream.</summary>
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Connects, encrypts, authenticates and binds a resource; returns when the session is ready for stanzas.
    /// Does nothing when already connected.
    /// </summary>
    /// <param name="cancellationToken">Cancels the whole attempt.</param>
    /// <exception cref="XmppConnectException">No endpoint could be reached (lists each one tried and why).</exception>
    /// <exception cref="XmppTlsException">TLS failed or the certificate was rejected.</exception>
    /// <exception cref="XmppAuthenticationException">The server refused the credentials.</exception>
    /// <exception cref="XmppStreamErrorException">The server ended the stream with an error.</exception>
    /// <exception cref="XmppConnectionLostException">The server closed the connection during negotiation.</exception>
    /// <exception cref="XmppTimeoutException">The negotiation took longer than <see cref="XmppClientOptions.NegotiationTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">Another connect or disconnect is in progress.</exception>
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

        RaiseStateChanged(XmppClientState.Disconnected, XmppClientState.Connecting, null);
        XmppSession? session = null;
        var events = new SessionEvents(this);
        try
        {
            session = await OpenSessionAsync(events, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _session = session;
            }

            session.Start();
            await ModulesStartAsync(cancellationToken).ConfigureAwait(false);
            events.Ready(started: true);
            SetState(XmppClientState.Connected);
        }
        catch (Exception error)
        {
            events.Ready(started: false);
            if (session is not null)
            {
                lock (_gate)
                {
                    if (ReferenceEquals(_session, session))
                    {
                        _session = null;
                    }
                }

                await session.DisposeAsync().ConfigureAwait(false);
            }

            SetState(XmppClientState.Disconnected, error);
            throw;
        }
    }

    /// <summary>
    /// Closes the session politely: sends <c>&lt;/stream:stream&gt;</c>, waits briefly for the server's, and closes
    /// the connection. Pending IQ requests fail with <see cref="XmppConnectionLostException"/>. Does nothing when not connected.
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
        lock (_gate)
        {
            session = _session;
            _session = null;
        }

        if (session is null)
        {
            return;
        }

        SetState(XmppClientState.Disconnecting);
        try
        {
            await session.CloseAsync(CloseWait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SetState(XmppClientState.Disconnected);
        }
    }

    private async Task<XmppSession> OpenSessionAsync(SessionEvents events, CancellationToken cancellationToken)
    {
        var domain = Options.Jid.Domain;
        string? redirect = null;
        while (true)
        {
            var transport = await _connector.ConnectAsync(domain, redirect, cancellationToken).ConfigureAwait(false);
            var stream = new XmppStream(transport, new XmlStreamReaderOptions { MaxElementBytes = Options.MaxStanzaBytes }, _logger);
            using var negotiation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            negotiation.CancelAfter(Options.NegotiationTimeout);
            try
            {
                var negotiator = new StreamNegotiator(Options, _logger);
                var negotiated = await negotiator.NegotiateAsync(stream, new TlsClientSettings(domain, Options), negotiation.Token)
                    .ConfigureAwait(false);
                return new XmppSession(stream, negotiated, events, _logger);
            }
            catch (XmppStreamErrorException error) when (error is { Condition: StreamErrorCondition.SeeOtherHost, OtherHost: { } host } && redirect is null)
            {
                // Followed once (RFC 6120 §4.9.3.19): a second redirect is an error, so two servers cannot loop us.
                await stream.DisposeAsync().ConfigureAwait(false);
                SessionLog.Redirected(_logger, host);
                redirect = host;
            }
            catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw new XmppTimeoutException(
                    $"The server of '{domain}' did not complete the negotiation within {Options.NegotiationTimeout.TotalSeconds:0.#} s.", error);
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
        lock (_gate)
        {
            if (!ReferenceEquals(_session, session))
            {
                return; // Closed by DisconnectAsync, which reports the state itself.
            }

            _session = null;
        }

        _ = session.DisposeAsync().AsTask();
        SetState(XmppClientState.Disconnected, error);
    }
}
