using System.Collections.Concurrent;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>
/// Chat state notifications (XEP-0085): tells conversation partners that you are typing, paused, away from the
/// conversation or gone, and tells you theirs. Reached through <see cref="XmppClient.ChatStates"/>.
/// </summary>
/// <remarks>
/// <para>Chat states reveal when someone is at the keyboard (XEP-0085 §11): send them only to partners trusted with
/// that. Switching the module off (<see cref="XmppClientOptions.Modules"/>) also stops announcing support.</para>
/// <para>Messages that carry a chat state still raise <see cref="XmppClient.MessageReceived"/>: standalone
/// notifications have no body, so handlers that only want text should check <see cref="Message.Body"/>.</para>
/// </remarks>
public sealed class ChatStatesModule : XmppModule
{
    private const string Hints = "urn:xmpp:hints";
    private readonly ConcurrentDictionary<Jid, ChatState> _lastSent = new();
    private volatile bool _sendActiveWithMessages = true;

    internal ChatStatesModule(XmppClient client)
        : base(client)
    {
    }

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
    /// <see langword="true"/> by default.
    /// </summary>
    public bool SendActiveWithMessages
    {
        get => _sendActiveWithMessages;
        set => _sendActiveWithMessages = value;
    }

    internal override IEnumerable<string> Features => [ChatStateExtensions.Namespace];

    /// <summary>
    /// Sends a standalone notification: a message with the state and no body, marked not to be stored offline
    /// (<c>&lt;no-store xmlns='urn:xmpp:hints'/&gt;</c>). The same state twice in a row to the same address is not
    /// sent again (XEP-0085 §5.3 forbids repeats); a message with a body in between starts afresh. Send chat states
    /// only to partners known to support them (§5.1: their disco features, or a chat state in their messages).
    /// </summary>
    /// <param name="to">The conversation partner (or room, with <see cref="MessageType.Groupchat"/>).</param>
    /// <param name="state">The state.</param>
    /// <param name="type"><see cref="MessageType.Chat"/> (the default) or <see cref="MessageType.Groupchat"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns><see langword="false"/> when the notification was left out as a repeat.</returns>
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

        if (!TryRecord(to, state))
        {
            return false;
        }

        var message = new Message { To = to, Type = type };
        message.SetChatState(state);
        message.Element.Add(new XmppElement("no-store", Hints));
        try
        {
            await Client.SendOwnAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _lastSent.TryRemove(new KeyValuePair<Jid, ChatState>(to, state));
            throw;
        }

        return true;
    }

    internal override void OnSending(Stanza stanza)
    {
        if (stanza is not Message { Body: not null } message || message.Type is not (MessageType.Chat or MessageType.Groupchat))
        {
            return;
        }

        if (message.To is { } to)
        {
            _lastSent.TryRemove(to, out _);
        }

        if (_sendActiveWithMessages && message.Type == MessageType.Chat && message.GetChatState() is null)
        {
            message.SetChatState(ChatState.Active);
        }
    }

    internal override async ValueTask<bool> OnReceivedAsync(Stanza stanza)
    {
        if (stanza is Message { Type: not MessageType.Error, From: { } from } message
            && message.GetChatState() is { } state
            && !(state == ChatState.Gone && message.Type == MessageType.Groupchat))
        {
            await Client.RaiseAsync(ChatStateReceived, new ChatStateNotification(from, state, message), nameof(ChatStateReceived))
                .ConfigureAwait(false);
        }

        return false;
    }

    internal override Task OnSessionStartedAsync(CancellationToken cancellationToken)
    {
        _lastSent.Clear();
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
