using System.Globalization;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Receipts;

/// <summary>
/// Message delivery receipts (XEP-0184): asks for receipts on the messages you send, answers the requests of others,
/// and tells you when a receipt arrives. Reach it through <see cref="XmppClient.Receipts"/>.
/// </summary>
/// <remarks>
/// <para>A receipt says a client of the recipient got the message, not that anybody read it; and the lack of one proves
/// nothing (the recipient's client may not support receipts). Use <see cref="WaitForReceiptAsync"/> with a timeout.</para>
/// <para>Answering: every request in a message that is not of type error or groupchat and has an id is answered
/// automatically with an ack of the same type. XEP-0184 §8 warns that answering tells the sender you are online: set
/// <see cref="AnswerFilter"/> (for example to contacts with a presence subscription) or <see cref="AnswerRequests"/>.</para>
/// <para>Messages that carry a receipt still raise <see cref="XmppClient.MessageReceived"/> (they have no body): the
/// extension consumes nothing, so other extensions and your own code see every message whole.</para>
/// </remarks>
public sealed class ReceiptsExtension : XmppExtension
{
    /// <summary>How many sent requests are remembered for <see cref="WaitForReceiptAsync"/>; older ones are forgotten.</summary>
    internal const int TrackedRequests = 1024;

    private readonly PendingReceipts _pending = new(TrackedRequests);
    private readonly ReceiptSupport _support = new();
    private volatile bool _requestReceipts = true;
    private volatile bool _answerRequests = true;
    private volatile Func<Message, bool>? _answerFilter;

    /// <summary>
    /// Raised for each receipt received, in stream order on the client's event task, before
    /// <see cref="XmppClient.MessageReceived"/> for the same message. Anybody can send a receipt for any id: check
    /// <see cref="DeliveryReceipt.From"/>. A handler that throws is logged and does not affect the session.
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<DeliveryReceipt, Task>? ReceiptReceived;

    /// <summary>
    /// Whether outgoing messages of type chat or normal with a body get a receipt request (added to what is sent, never
    /// to the caller's object). <see langword="true"/> by default. As XEP-0184 §5 asks, a message to a full JID gets one
    /// only when that client is known to support receipts: its entity capabilities (<see cref="DiscoExtension.TryGetCapabilities"/>)
    /// list them, or, without capabilities, one of its messages carried a request or a receipt; a message to a bare JID
    /// always gets one. Messages to which you add <c>&lt;request xmlns='urn:xmpp:receipts'/&gt;</c> yourself are sent
    /// and tracked either way.
    /// </summary>
    public bool RequestReceipts
    {
        get => _requestReceipts;
        set => _requestReceipts = value;
    }

    /// <summary>Whether receipt requests of others are answered automatically. <see langword="true"/> by default.</summary>
    public bool AnswerRequests
    {
        get => _answerRequests;
        set => _answerRequests = value;
    }

    /// <summary>
    /// Decides, for a message whose request may be answered, whether to answer it; <see langword="null"/> (the default)
    /// answers everyone. Runs on the client's event task; keep it quick. If it throws, the request is not answered.
    /// </summary>
    public Func<Message, bool>? AnswerFilter
    {
        get => _answerFilter;
        set => _answerFilter = value;
    }

    /// <summary>
    /// Waits for the first receipt for a message sent with a receipt request, from the address the message went to (any
    /// of its resources). Returns at once if the receipt already arrived. Only the last 1,024 requests sent are tracked.
    /// </summary>
    /// <param name="messageId">The id of the message: what <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> returned.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The address that acknowledged the message.</returns>
    /// <exception cref="InvalidOperationException">No receipt was requested for that id (or it is no longer tracked).</exception>
    /// <exception cref="XmppMessageErrorException">The message bounced: the recipient, its server or the account's
    /// server answered it with an error (with the same id), before or during the wait. It was not delivered.</exception>
    /// <exception cref="XmppTimeoutException">No receipt arrived in time; the message may still have been delivered.</exception>
    public async Task<Jid> WaitForReceiptAsync(string messageId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var receipt = _pending.Find(messageId) ?? throw new InvalidOperationException(
            $"No receipt was requested for message '{messageId}', or it is older than the last {TrackedRequests} requests.");
        try
        {
            return await receipt.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException error)
        {
            throw new XmppTimeoutException(string.Create(CultureInfo.InvariantCulture, $"No delivery receipt for message '{messageId}' within {timeout.TotalSeconds:0.#} s."), error);
        }
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(ReceiptRules.Namespace);
        context.DecorateOutgoing(Decorate);
        context.WatchOutgoing(Track);
        context.OnMessage(OnBounceAsync, type: MessageType.Error);
        context.OnMessage(OnReceiptAsync, ReceiptRules.ReceivedName);
        context.OnMessage(OnRequestAsync, ReceiptRules.RequestName);
    }

    private void Decorate(Stanza stanza)
    {
        if (stanza is Message message && _requestReceipts && ReceiptRules.ShouldRequest(message) && Supports(message.To))
        {
            message.AddPayload(ReceiptRules.RequestName);
        }
    }

    /// <summary>
    /// Whether a request may go to <paramref name="to"/> (XEP-0184 §5): to a bare JID (or the account) always, as
    /// nothing can be known of the client that will get it; to a full JID when its entity capabilities list receipts,
    /// or, with no capabilities known, when one of its messages carried a request or a receipt.
    /// </summary>
    private bool Supports(Jid? to)
    {
        if (to is not { IsBare: false } client)
        {
            return true;
        }

        return Client.TryGetExtension<DiscoExtension>(out var disco) && disco.TryGetCapabilities(client, out var info)
            ? info.HasFeature(ReceiptRules.Namespace)
            : _support.Showed(client);
    }

    private void Track(Stanza stanza)
    {
        if (stanza is Message message && ReceiptRules.HasRequest(message) && (message.To ?? Client.BoundJid?.Bare) is { } recipient)
        {
            _pending.Track(message.Id!, recipient);
        }
    }

    private ValueTask<bool> OnBounceAsync(Message message, CancellationToken cancellationToken)
    {
        FailOnBounce(message);
        return new(false);
    }

    private async ValueTask<bool> OnReceiptAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.Type != MessageType.Error && ReceiptRules.ReceivedId(message) is { Length: > 0 } id && message.From is { } from)
        {
            _support.Observe(from);
            if (!_pending.TryComplete(id, from))
            {
                ReceiptsLog.ForeignReceipt(Context.Logger, id, from.ToString());
            }

            await Context.RaiseAsync(ReceiptReceived, new DeliveryReceipt(from, id, message), nameof(ReceiptReceived))
                .ConfigureAwait(false);
        }

        return false;
    }

    private async ValueTask<bool> OnRequestAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.Type is not (MessageType.Error or MessageType.Groupchat) && message.From is { } from)
        {
            _support.Observe(from);
        }

        if (_answerRequests && ReceiptRules.MayAnswer(message) && IsAllowed(message))
        {
            await AnswerAsync(message).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>A message of ours that came back as an error (same id, from its route) ends its wait with that error.</summary>
    private void FailOnBounce(Message bounce)
    {
        if (bounce.Id is { Length: > 0 } id)
        {
            var error = new XmppMessageErrorException(id, bounce.From, bounce.Error ?? new StanzaError(StanzaErrorCondition.UndefinedCondition));
            var accountDomain = (Client.BoundJid ?? Client.Options.Jid).Domain;
            if (_pending.TryFail(id, bounce.From, accountDomain, error))
            {
                ReceiptsLog.Bounced(Context.Logger, id, error.Error.ConditionName);
            }
        }
    }

    private bool IsAllowed(Message request)
    {
        if (_answerFilter is not { } filter)
        {
            return true;
        }

        try
        {
            return filter(request);
        }
        catch (Exception error)
        {
            ReceiptsLog.FilterFailed(Context.Logger, error);
            return false;
        }
    }

    private async Task AnswerAsync(Message request)
    {
        try
        {
            await Context.SendAsync(ReceiptRules.CreateAck(request), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or XmppConnectionLostException)
        {
            // Disconnected meanwhile: the sender gets no receipt, which XEP-0184 allows.
            ReceiptsLog.AckNotSent(Context.Logger, request.Id ?? string.Empty, error);
        }
    }
}
