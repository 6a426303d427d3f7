using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private readonly SemaphoreSlim _iqSlots;
    private XmppSession? _ready;
    private Presence? _lastPresence;

    /// <summary>
    /// Sends a stanza. Safe to call from any number of threads at once: each stanza goes out whole, and the call waits
    /// while the network pushes back.
    /// </summary>
    /// <remarks>
    /// <para>The stanza is copied when the method is called, before it returns its task: the client never changes the
    /// caller's object, and changing or reusing the object afterwards changes nothing that was sent or will be sent
    /// again. Each call sends its own stanza: without an <see cref="Stanza.Id"/> the copy gets a new id, which the
    /// returned task gives (for <see cref="Xmpp.Client.Extensions.Receipts.ReceiptsExtension.WaitForReceiptAsync"/> or to match an
    /// error bounce); an id the caller set is sent as it is. <c>await client.SendAsync(stanza)</c> works as before.</para>
    /// <para>With stream management (XEP-0198) the stanza is kept until the server acknowledges it, and sent again after a
    /// reconnect if needed; at most <see cref="XmppClientOptions.MaxUnacknowledgedStanzas"/> are kept, and when that
    /// many wait for acknowledgement the call waits for room. While the client reconnects, the stanza is queued and
    /// the call returns (or throws, see <see cref="XmppClientOptions.QueueWhileReconnecting"/>).</para>
    /// </remarks>
    /// <param name="stanza">The message, presence or IQ to send.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write; a stanza already being written is
    /// finished, so the stream is never cut mid-stanza.</param>
    /// <returns>The id of the stanza sent: the caller's own, or the one the client gave the copy.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected (nor reconnecting).</exception>
    /// <exception cref="XmppConnectionLostException">The connection broke while sending (without stream management),
    /// or the client is reconnecting and <see cref="XmppClientOptions.QueueWhileReconnecting"/> is off.</exception>
    public ValueTask<string> SendAsync(Stanza stanza, CancellationToken cancellationToken = default) =>
        SendAsync(stanza, XmppSendOptions.Default, cancellationToken);

    /// <summary>
    /// Sends a stanza like <see cref="SendAsync(Stanza, CancellationToken)"/>, choosing what the extensions may add:
    /// with <see cref="XmppSendOptions.Undecorated"/> the stanza goes out as given (no receipt request, chat state,
    /// origin-id or capabilities added).
    /// </summary>
    /// <param name="stanza">The message, presence or IQ to send.</param>
    /// <param name="options">How to send it.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The id of the stanza sent.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected (nor reconnecting).</exception>
    /// <exception cref="XmppConnectionLostException">The connection broke while sending (without stream management),
    /// or the client is reconnecting and <see cref="XmppClientOptions.QueueWhileReconnecting"/> is off.</exception>
    public async ValueTask<string> SendAsync(Stanza stanza, XmppSendOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfDisposed();
        var copy = StanzaCopy.Of(stanza);
        await SendOwnAsync(copy, options.Decorate, cancellationToken).ConfigureAwait(false);
        return copy.Id!;
    }

    /// <summary>
    /// Sends a stanza that belongs to the client (a copy of the caller's, or one an extension built): gives it an id if
    /// it has none, lets the extensions decorate (unless <paramref name="decorate"/> is off) and watch it, remembers a
    /// broadcast presence for reconnections, and sends it.
    /// </summary>
    internal async ValueTask SendOwnAsync(Stanza stanza, bool decorate, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (stanza is Presence { To: null, Type: PresenceType.Available or PresenceType.Unavailable } presence)
        {
            // As the caller gave it (before an id and the extensions' payloads): sent again, it is prepared afresh.
            Volatile.Write(ref _lastPresence, presence.Type == PresenceType.Available ? (Presence)StanzaCopy.Of(presence) : null);
        }

        stanza.Id ??= Stanzas.StanzaIds.New();
        _extensions.PrepareOutgoing(stanza, decorate);
        await SendElementAsync(stanza.Element, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one way stanzas leave the client: takes a place in the outbound queue, then writes on the ready session
    /// (kept until acknowledged when it counts stanzas), or queues while reconnecting.
    /// </summary>
    private async ValueTask SendElementAsync(XmppElement stanza, CancellationToken cancellationToken)
    {
        ThrowIfNotSending();
        await _outbound.AcquireAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            XmppSession? session;
            lock (_gate)
            {
                session = _ready;
                if (session is null)
                {
                    if (_state is XmppClientState.Reconnecting && Options.QueueWhileReconnecting)
                    {
                        _outbound.Enqueue(stanza);
                        return;
                    }

                    _outbound.Release();
                    ThrowIfNotSending();
                    throw new XmppConnectionLostException("The connection was lost; the stanza was not sent.");
                }
            }

            WriteOutcome outcome;
            try
            {
                outcome = await session.Writer.WriteStanzaAsync(stanza, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _outbound.Release();
                throw;
            }

            switch (outcome)
            {
                case WriteOutcome.Written when !session.Writer.Tracking:
                    _outbound.Release();
                    return;
                case WriteOutcome.Written or WriteOutcome.KeptForResend:
                    return; // The acknowledgement gives the place back.
                default:
                    // The session is ending (or just ended): try again on what comes next.
                    if (ReferenceEquals(Volatile.Read(ref _ready), session))
                    {
                        await session.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Writes a top-level element that is not a stanza (a nonza such as XEP-0352's <c>&lt;inactive/&gt;</c>) on the
    /// ready session: never decorated, counted, kept for resending nor queued while reconnecting.
    /// </summary>
    internal async ValueTask SendNonzaAsync(XmppElement element, CancellationToken cancellationToken)
    {
        ThrowIfNotSending();
        XmppSession? session;
        lock (_gate)
        {
            session = _ready;
        }

        if (session is null)
        {
            throw new XmppConnectionLostException("The client is not connected to a session right now; the element was not sent (it is not queued).");
        }

        await session.Writer.WriteAsync(element, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws when stanzas can be neither sent nor queued.</summary>
    private void ThrowIfNotSending()
    {
        ThrowIfDisposed();
        var state = State;
        if (state is XmppClientState.Connected)
        {
            return;
        }

        if (state is XmppClientState.Reconnecting)
        {
            if (!Options.QueueWhileReconnecting)
            {
                throw new XmppConnectionLostException(
                    "The client is reconnecting and XmppClientOptions.QueueWhileReconnecting is off; send again once StateChanged reports Connected.");
            }

            return;
        }

        if (state is XmppClientState.Connecting && _session is not null)
        {
            return; // Extensions starting a new session.
        }

        throw new InvalidOperationException(
            $"The client is not connected (state: {state}); call ConnectAsync first and wait for it to complete.");
    }
}
