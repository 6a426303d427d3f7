using System.Collections.Concurrent;
using Xmpp.Client.Stanzas;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>
/// Chat state notifications (XEP-0085): tells conversation partners that you are typing, paused, away from the
/// conversation or gone, and tells you theirs. Reach it through <see cref="XmppClient.ChatStates"/>.
/// </summary>
/// <remarks>
/// <para>Chat states reveal when someone is at the keyboard (XEP-0085 §11): send them only to partners trusted with
/// that. Removing the extension from <see cref="XmppClientOptions.Extensions"/> also stops announcing support.</para>
/// <para>Messages that carry a chat state still raise <see cref="XmppClient.MessageReceived"/>: standalone
/// notifications have no body, so handlers that only want text should check <see cref="Message.Body"/>.</para>
/// </remarks>
public sealed class ChatStatesExtension : XmppExtension
{
    private static readonly XName NoStore = XName.Get("no-store", "urn:xmpp:hints");
    private readonly ConcurrentDictionary<Jid, ChatState> _lastSent = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);
    private readonly ChatStateSupport _support = new();
    private volatile bool _sendActiveWithMessages = true;

    /// <summary>
    /// Raised for each chat state received (standalone or with a message body), in stream order on the client's event
    /// task, before <see cref="XmppClient.MessageReceived"/> for the same message. <see cref="ChatState.Gone"/> from a
    /// room occupant is ignored (XEP-0085 §5.5). A handler that throws is logged and does not affect the session.
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<ChatStateNotification, Task>? ChatStateReceived;

    /// <summary>
    /// Whether outgoing messages of type chat with a body and no chat state get <c>&lt;active/&gt;</c> (XEP-0085 §5.3:
    /// every content message should carry it; it is also how partners learn that you support chat states).
    /// <see langword="true"/> by default. A partner (full JID) whose last message with a body came without a chat state
    /// gets none (§5.1: it does not support them), until one of its messages carries a chat state again.
    /// </summary>
    public bool SendActiveWithMessages
    {
        get => _sendActiveWithMessages;
        set => _sendActiveWithMessages = value;
    }

    /// <summary>
    /// Sends a standalone notification: a message with the state and no body, marked not to be stored offline
    /// (<c>&lt;no-store xmlns='urn:xmpp:hints'/&gt;</c>). The same state twice in a row to the same address is not
    /// sent again (XEP-0085 §5.3 forbids repeats); a message with a body in between starts afresh. Nor is anything sent
    /// to a partner (full JID) whose last message with a body came without a chat state (§5.1: such a partner does not
    /// support them). Send chat states only to partners known to support them (§5.1: their disco features, or a chat
    /// state in their messages).
    /// </summary>
    /// <param name="to">The conversation partner (or room, with <see cref="MessageType.Groupchat"/>).</param>
    /// <param name="state">The state.</param>
    /// <param name="type"><see cref="MessageType.Chat"/> (the default) or <see cref="MessageType.Groupchat"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns><see langword="false"/> when the notification was left out: a repeat, or a partner without chat states.</returns>
    /// <exception cref="ArgumentException">An empty JID, another message type, or <see cref="ChatState.Gone"/> to a room (§5.5).</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async ValueTask<bool> SendAsync(Jid to, ChatState state, MessageType type = MessageType.Chat, CancellationToken cancellationToken = default)
    {
        if (type is not (MessageType.Chat or MessageType.Groupchat))
        {
            throw new ArgumentException("Chat states go in messages of type chat or groupchat (XEP-0085 §5.4).", nameof(type));
        }

        if (type == MessageType.Groupchat && state == ChatState.Gone)
        {
            throw new ArgumentException("Clients do not send 'gone' to rooms (XEP-0085 §5.5); leave the room instead.", nameof(state));
        }

        if (to.IsEmpty)
        {
            throw new ArgumentException("The recipient must be a JID, not default(Jid).", nameof(to));
        }

        if (!_support.MaySend(to) || !TryRecord(to, state))
        {
            return false;
        }

        var message = new Message { To = to, Type = type };
        message.SetChatState(state);
        message.AddPayload(NoStore);
        try
        {
            await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _lastSent.TryRemove(new KeyValuePair<Jid, ChatState>(to, state));
            throw;
        }

        return true;
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(ChatStateExtensions.Namespace);
        context.DecorateOutgoing(Decorate);
        context.WatchOutgoing(Watch);
        context.OnMessage(OnStateAsync, ChatStateExtensions.Names);
        context.OnMessage(OnChatAsync, type: MessageType.Chat);

        context.OnSessionStarted(OnSessionStartedAsync);
    }

    /// <summary>A content message without a chat state gets <c>&lt;active/&gt;</c>.</summary>
    private void Decorate(Stanza stanza)
    {
        if (_sendActiveWithMessages && stanza is Message { Body: not null, Type: MessageType.Chat } message && message.GetChatState() is null
            && (message.To is not { } to || _support.MaySend(to)))
        {
            message.AddPayload(ChatStateExtensions.ToName(ChatState.Active));
        }
    }

    /// <summary>A content message starts afresh: the next standalone state is sent even if it repeats the last one.</summary>
    private void Watch(Stanza stanza)
    {
        if (stanza is Message { Body: not null, Type: MessageType.Chat or MessageType.Groupchat, To: { } to })
        {
            _lastSent.TryRemove(to, out _);
        }
    }

    private async ValueTask<bool> OnStateAsync(Message message, CancellationToken cancellationToken)
    {
        if (message is { Type: not MessageType.Error, From: { } from }
            && message.GetChatState() is { } state
            && !(state == ChatState.Gone && message.Type == MessageType.Groupchat))
        {
            await Context.RaiseAsync(ChatStateReceived, new ChatStateNotification(from, state, message), nameof(ChatStateReceived))
                .ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Learns from each message of type chat from a partner whether it supports chat states (§5.1).</summary>
    private ValueTask<bool> OnChatAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.From is { } from && !Context.IsFromAccount(message))
        {
            _support.Observe(from, message.Body is not null, message.GetChatState() is not null);
        }

        return new(false);
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (!session.IsResumed)
        {
            _lastSent.Clear();
            _support.Clear();
        }

        return Task.CompletedTask;
    }

    /// <summary>Records <paramref name="state"/> as the last standalone state sent to <paramref name="to"/>, unless it already is.</summary>
    private bool TryRecord(Jid to, ChatState state)
    {
        while (true)
        {
            if (_lastSent.TryGetValue(to, out var last))
            {
                if (last == state)
                {
                    return false;
                }

                if (_lastSent.TryUpdate(to, state, last))
                {
                    return true;
                }
            }
            else if (_lastSent.TryAdd(to, state))
            {
                return true;
            }
        }
    }
}
