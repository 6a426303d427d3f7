using Xmpp.Client.Extensions.Delay;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    private bool _historyOpen;
    private long _lastActivity;
    private long _lastMessageTicks;
    private NickChange? _nickChange;

    /// <summary>When the room last sent the client anything (for self-ping).</summary>
    internal long LastActivity => Volatile.Read(ref _lastActivity);

    /// <summary>
    /// Sends a message to everyone in the room. The room echoes it back; that echo is raised by
    /// <see cref="MessageReceived"/> with <see cref="MucMessageEventArgs.IsOwn"/> set.
    /// </summary>
    /// <param name="body">The text.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The message's id.</returns>
    /// <exception cref="InvalidOperationException">The client is not in the room, or not connected.</exception>
    public ValueTask<string> SendMessageAsync(string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SendAsync(new Message(Jid, body, MessageType.Groupchat), cancellationToken);
    }

    /// <summary>
    /// Sends a message of the caller's making to the room: it is copied and sent as type <c>groupchat</c> to the room's
    /// bare JID (for payloads of one's own, or a message with several bodies).
    /// </summary>
    /// <param name="message">The message; its 'to' and type are replaced.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The message's id.</returns>
    /// <exception cref="InvalidOperationException">The client is not in the room, or not connected.</exception>
    public async ValueTask<string> SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireJoined();
        var copy = new Message { Id = message.Id ?? Guid.NewGuid().ToString("N"), Language = message.Language, To = Jid, Type = MessageType.Groupchat };
        foreach (var (language, text) in message.Bodies)
        {
            copy.SetBody(text, language.Length == 0 ? null : language);
        }

        copy.Subject = message.Subject;
        copy.Thread = message.Thread;
        foreach (var payload in message.Payloads)
        {
            copy.AddPayload(payload);
        }

        _sent.Add(copy.Id);
        return await Context.SendAsync(copy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a private message to one occupant through the room (XEP-0045 §7.5).</summary>
    /// <param name="nick">The occupant's nickname.</param>
    /// <param name="body">The text.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The message's id.</returns>
    /// <exception cref="InvalidOperationException">The client is not in the room, or not connected.</exception>
    public ValueTask<string> SendPrivateMessageAsync(string nick, string body, CancellationToken cancellationToken = default)
    {
        ValidateNick(nick);
        ArgumentNullException.ThrowIfNull(body);
        RequireJoined();
        var message = new Message(OccupantJid(nick), body, MessageType.Chat);
        message.AddPayload(MucNamespaces.UserX);
        return Context.SendAsync(message, cancellationToken);
    }

    /// <summary>Changes the room's subject (XEP-0045 §8.1); the room announces it with <see cref="SubjectChanged"/>.</summary>
    /// <param name="subject">The new subject; empty clears it.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>Completes when sent (a room that does not allow it answers with an error message).</returns>
    /// <exception cref="InvalidOperationException">The client is not in the room, or not connected.</exception>
    public async Task SetSubjectAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        RequireJoined();
        var message = new Message { To = Jid, Type = MessageType.Groupchat, Subject = subject };
        await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the client's nickname in the room (XEP-0045 §7.6); completes when the room confirms.</summary>
    /// <param name="nick">The new nickname.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The nickname the room gave.</returns>
    /// <exception cref="MucJoinException">The room refused the nickname (<see cref="MucJoinError.NicknameInUse"/>: it is taken).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not in the room, another change is in progress, or the
    /// call would wait on the event task it needs.</exception>
    public async Task<string> ChangeNickAsync(string nick, CancellationToken cancellationToken = default)
    {
        ValidateNick(nick);
        _muc.CheckCanWait(nameof(ChangeNickAsync));
        var change = new NickChange(nick);
        lock (_gate)
        {
            RequireJoined();
            if (_nickChange is not null)
            {
                throw new InvalidOperationException($"A nickname change in {Jid} is in progress.");
            }

            if (_view.Nick == nick)
            {
                return nick;
            }

            _nickChange = change;
        }

        try
        {
            await Context.SendAsync(new Presence { To = OccupantJid(nick) }, cancellationToken).ConfigureAwait(false);
            return await change.Completion.WaitAsync(Client.Options.IqTimeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException error)
        {
            throw new XmppTimeoutException($"{Jid} did not answer the nickname change to '{nick}' in time.", error);
        }
        finally
        {
            lock (_gate)
            {
                if (_nickChange == change)
                {
                    _nickChange = null;
                }
            }
        }
    }

    /// <summary>On the event task: a message from the room or one of its occupants.</summary>
    internal async ValueTask<bool> OnMessageAsync(Message message, Jid from)
    {
        Touch();
        switch (message.Type)
        {
            case MessageType.Groupchat:
                if (_view.State == MucRoomState.Joined && !await _muc.FilterGroupchatAsync(this, message, from.Resource).ConfigureAwait(false))
                {
                    await OnGroupchatAsync(message, from.Resource).ConfigureAwait(false);
                }

                return true;
            case MessageType.Error:
                OnMessageError(message);
                return false; // The application (and receipts) may be waiting for the failure of what it sent.
            default:
                return await OnDirectMessageAsync(message, from).ConfigureAwait(false);
        }
    }

    private async ValueTask OnGroupchatAsync(Message message, string? nick)
    {
        if (message.Body is null && message.Subject is not null)
        {
            _historyOpen = false;
            var subject = string.IsNullOrEmpty(message.Subject) ? null : message.Subject;
            SetView(view => view with { Subject = subject });
            await Context.RaiseAsync(SubjectChanged, new MucSubjectEventArgs(this, subject, nick), nameof(SubjectChanged)).ConfigureAwait(false);
            return;
        }

        if (message.Body is null)
        {
            return;
        }

        var delay = message.GetDelay();
        var isHistory = delay is not null && (_historyOpen || delay.From == Jid);
        var isOwn = nick is not null && nick == _view.Nick
            && (_sent.Contains(message.GetPayloadAttribute(MucNamespaces.OriginId, "id")) || _sent.Contains(message.Id));
        var stamp = isHistory ? delay!.Stamp : Context.TimeProvider.GetUtcNow();
        if (stamp.UtcTicks > Volatile.Read(ref _lastMessageTicks))
        {
            Volatile.Write(ref _lastMessageTicks, stamp.UtcTicks);
        }

        var occupant = nick is null || isHistory ? null : _view.Occupants.GetValueOrDefault(nick);
        var args = new MucMessageEventArgs(this, message, nick, occupant, isHistory, isOwn, stamp, MucXml.StanzaIdBy(message, Jid));
        await Context.RaiseAsync(MessageReceived, args, nameof(MessageReceived)).ConfigureAwait(false);
    }

    private async ValueTask<bool> OnDirectMessageAsync(Message message, Jid from)
    {
        if (from.Resource is not { } nick)
        {
            if (message.GetPayload(MucNamespaces.UserX)?.Element(System.Xml.Linq.XName.Get("decline", MucNamespaces.User)) is { } decline)
            {
                Jid? decliner = Jid.TryParse((string?)decline.Attribute("from"), out var by) ? by : null;
                var reason = decline.Element(System.Xml.Linq.XName.Get("reason", MucNamespaces.User))?.Value;
                var args = new MucDeclineEventArgs(this, decliner, string.IsNullOrEmpty(reason) ? null : reason);
                await Context.RaiseAsync(InvitationDeclined, args, nameof(InvitationDeclined)).ConfigureAwait(false);
                return true;
            }

            return false; // A notice of the room to the account (a voice request form, say): the application's.
        }

        if (message.Body is null)
        {
            return false; // A chat state from an occupant, for instance.
        }

        var occupant = _view.Occupants.GetValueOrDefault(nick);
        var received = new MucPrivateMessageEventArgs(this, nick, occupant, message);
        await Context.RaiseAsync(PrivateMessageReceived, received, nameof(PrivateMessageReceived)).ConfigureAwait(false);
        return true;
    }

    /// <summary>A room answers a message with <c>not-acceptable</c> when it does not count the sender in (XEP-0410 §1): check.</summary>
    private void OnMessageError(Message message)
    {
        if (message.Error?.Condition == StanzaErrorCondition.NotAcceptable && _view.State == MucRoomState.Joined)
        {
            MucLog.MessageRefused(Logger, Jid.ToString());
            _muc.CheckSoon(this);
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivity, Context.TimeProvider.GetTimestamp());

    private void RequireJoined()
    {
        if (_view.State != MucRoomState.Joined)
        {
            throw new InvalidOperationException($"The client is not in {Jid}: join it first.");
        }
    }

    /// <summary>A nickname change waiting for the room's presences.</summary>
    private sealed class NickChange(string nick)
    {
        private readonly TaskCompletionSource<string> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Nick { get; } = nick;

        public Task<string> Completion => _done.Task;

        public void Complete(string assigned) => _done.TrySetResult(assigned);

        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
