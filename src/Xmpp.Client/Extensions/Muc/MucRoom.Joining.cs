using System.Collections.Immutable;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    private JoinAttempt? _joining;
    private TaskCompletionSource? _leaving;
    private MucJoinOptions _options = MucJoinOptions.Default;
    private bool _wanted;

    /// <summary>
    /// Enters the room with a nickname (XEP-0045 §7.2), creating it when it does not exist as
    /// <see cref="MucJoinOptions.Creation"/> says, and completes when the room lists the client as an occupant (after
    /// <see cref="Joined"/> was raised). Joining again with the nickname it is in with does nothing.
    /// </summary>
    /// <param name="nick">The nickname (a valid JID resource).</param>
    /// <param name="options">Password, history, creation, timeout and rejoin; <see cref="MucJoinOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting (the client then leaves the room if the join completes later).</param>
    /// <returns>Completes once in the room.</returns>
    /// <exception cref="MucJoinException">The room refused; <see cref="MucJoinException.Reason"/> says why and what to do.</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    /// <exception cref="ArgumentException">The nickname is empty or not a valid resource.</exception>
    /// <exception cref="InvalidOperationException">The client is in the room with another nickname (use
    /// <see cref="ChangeNickAsync"/>), another join is in progress, the client is not connected, or the call waits
    /// on the event task it needs (from an event handler while <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> is 1).</exception>
    public async Task JoinAsync(string nick, MucJoinOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MucJoinOptions.Default;
        options.Validate();
        ValidateNick(nick);
        _muc.CheckCanWait(nameof(JoinAsync));
        lock (_gate)
        {
            if (_view.State == MucRoomState.Joined && _view.Nick == nick)
            {
                return;
            }

            if (_view.State == MucRoomState.Joined)
            {
                throw new InvalidOperationException(
                    $"The client is in {Jid} as '{_view.Nick}': change the nickname with ChangeNickAsync, or leave first.");
            }

            StopRejoining();
        }

        await JoinCoreAsync(nick, options, isRejoin: false, history: options.History, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Leaves the room (XEP-0045 §7.14) and stops rejoining it; completes when the room confirms and <see cref="Left"/>
    /// has been raised, or at the latest after <see cref="XmppClientOptions.IqTimeout"/> (the client counts itself out either way). Does nothing when
    /// the client is not in the room.
    /// </summary>
    /// <param name="status">A parting status text for the others, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the confirmation.</param>
    /// <returns>Completes when out of the room.</returns>
    public async Task LeaveAsync(string? status = null, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource? left;
        string? nick;
        lock (_gate)
        {
            _wanted = false;
            StopRejoining();
            nick = _joining?.Nick ?? _view.Nick; // A join under way is left too.
            if ((_view.State == MucRoomState.NotJoined && _joining is null) || nick is null)
            {
                return;
            }

            left = _leaving ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var presence = new Presence(PresenceType.Unavailable) { To = OccupantJid(nick), Status = status };
        if (Client.State != XmppClientState.Connected)
        {
            MarkOut();
            return;
        }

        await Context.SendAsync(presence, cancellationToken).ConfigureAwait(false);
        if (!_muc.CanWait)
        {
            MarkOut(); // Called where waiting would stall the stanza that confirms it: the room's presence finds the room out already.
            return;
        }

        try
        {
            await left.Task.WaitAsync(Client.Options.IqTimeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            MucLog.LeaveUnconfirmed(Logger, Jid.ToString());
            MarkOut();
        }
    }

    /// <summary>Sends the join presence and waits for the room's answer, which <see cref="CompleteJoinAsync"/> or <see cref="FailJoin"/> gives.</summary>
    private async Task JoinCoreAsync(string nick, MucJoinOptions options, bool isRejoin, MucHistory history, CancellationToken cancellationToken)
    {
        var attempt = new JoinAttempt(nick, options, isRejoin);
        lock (_gate)
        {
            if (_joining is not null)
            {
                throw new InvalidOperationException($"A join of {Jid} is in progress; wait for it to complete.");
            }

            _joining = attempt;
            _leaving = null;
            _view = _view with { State = isRejoin ? MucRoomState.Rejoining : MucRoomState.Joining };
        }

        var timeout = options.Timeout ?? Client.Options.IqTimeout;
        try
        {
            var (show, status) = _muc.CurrentAvailability;
            var presence = new Presence { To = OccupantJid(nick), Show = show, Status = status };
            presence.AddPayload(MucXml.JoinElement(history, options.Password));
            await Context.SendAsync(presence, cancellationToken).ConfigureAwait(false);
            await attempt.Completion.WaitAsync(timeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (attempt.Accepted)
        {
            // The room let the client in; only the Joined handlers are still running: wait for them, not for a timeout.
            await attempt.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException error) when (!attempt.Completion.IsCompleted)
        {
            Abandon(attempt);
            throw new XmppTimeoutException($"{Jid} did not answer the join as '{nick}' within {timeout.TotalSeconds:0.#} s.", error);
        }
        catch (Exception error) when (error is not MucJoinException)
        {
            Abandon(attempt);
            throw;
        }
    }

    /// <summary>Tells the room the account's current show and status (XEP-0045 §7.7), if the client is in.</summary>
    internal async Task SendAvailabilityAsync(CancellationToken cancellationToken)
    {
        var nick = _view.Nick;
        if (_view.State != MucRoomState.Joined || nick is null)
        {
            return;
        }

        var (show, status) = _muc.CurrentAvailability;
        try
        {
            await Context.SendAsync(new Presence { To = OccupantJid(nick), Show = show, Status = status }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or XmppConnectionLostException)
        {
            MucLog.AvailabilityNotSent(Logger, Jid.ToString(), error);
        }
    }

    /// <summary>Gives up a join the caller stopped waiting for; if the room lets the client in later, it leaves again.</summary>
    private void Abandon(JoinAttempt attempt)
    {
        lock (_gate)
        {
            if (_joining == attempt)
            {
                _joining = null;
                _view = _view.Emptied(attempt.IsRejoin && _wanted ? MucRoomState.Rejoining : MucRoomState.NotJoined);
            }
        }

        attempt.Cancel();
    }

    /// <summary>On the event task: the room's self-presence ends a join.</summary>
    private async ValueTask CompleteJoinAsync(JoinAttempt attempt, MucOccupant self, MucUserData data)
    {
        var created = data.Has(MucStatus.RoomCreated);
        var locked = false;
        if (created)
        {
            switch (attempt.Options.Creation)
            {
                case MucRoomCreation.Instant:
                    locked = !await SubmitInstantConfigurationAsync().ConfigureAwait(false);
                    break;
                case MucRoomCreation.Reserved:
                    locked = true;
                    break;
                default:
                    await DestroyUnwantedAsync().ConfigureAwait(false);
                    FailJoin(attempt, new MucJoinException(Jid, attempt.Nick, MucJoinError.RoomNotFound, error: null));
                    return;
            }
        }

        lock (_gate)
        {
            if (_joining != attempt)
            {
                return;
            }

            _joining = null;
            _wanted = true;
            _options = attempt.Options;
            _view = new RoomView(MucRoomState.Joined, self.Nick, self, attempt.Occupants.SetItem(self.Nick, self), _view.Subject, locked);
        }

        _historyOpen = true;
        _renames.Clear();
        Touch();
        var args = new MucJoinedEventArgs(this, self.Nick, attempt.IsRejoin, created, data.StatusCodes);
        attempt.Accepted = true;
        _muc.OnJoined(this);
        await Context.RaiseAsync(Joined, args, nameof(Joined)).ConfigureAwait(false);
        attempt.Complete(); // JoinAsync completes after Joined was raised, as documented.
    }

    /// <summary>On the event task: the room refused the join.</summary>
    private void FailJoin(JoinAttempt attempt, MucJoinException error)
    {
        lock (_gate)
        {
            if (_joining != attempt)
            {
                return;
            }

            _joining = null;
            _view = _view.Emptied(attempt.IsRejoin && _wanted ? MucRoomState.Rejoining : MucRoomState.NotJoined);
        }

        attempt.Fail(error);
    }

    /// <summary>Accepts the default configuration of a room the join created (XEP-0045 §10.1.2); <see langword="false"/> when the room refused.</summary>
    private async Task<bool> SubmitInstantConfigurationAsync()
    {
        var query = new XElement(MucNamespaces.OwnerQuery, new XElement(MucNamespaces.FormX, new XAttribute("type", "submit")));
        try
        {
            await Client.SendIqAsync(new Iq(IqType.Set, query) { To = Jid }, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException)
        {
            MucLog.InstantConfigurationFailed(Logger, Jid.ToString(), error);
            return false;
        }
    }

    /// <summary>Destroys a room that a join with <see cref="MucRoomCreation.Never"/> created.</summary>
    private async Task DestroyUnwantedAsync()
    {
        var query = new XElement(MucNamespaces.OwnerQuery, new XElement(XName.Get("destroy", MucNamespaces.Owner)));
        try
        {
            await Client.SendIqAsync(new Iq(IqType.Set, query) { To = Jid }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException)
        {
            MucLog.DestroyFailed(Logger, Jid.ToString(), error);
        }
    }

    /// <summary>Counts the client out of the room without waiting for the room (a leave nobody will confirm).</summary>
    private void MarkOut()
    {
        TaskCompletionSource? leaving;
        lock (_gate)
        {
            leaving = _leaving;
            _leaving = null;
            _view = _view.Emptied(MucRoomState.NotJoined);
        }

        leaving?.TrySetResult();
    }

    private void ValidateNick(string nick)
    {
        ArgumentException.ThrowIfNullOrEmpty(nick);
        if (!Jid.TryParse($"{Jid}/{nick}", out var occupant) || occupant.Resource != nick)
        {
            throw new ArgumentException($"'{nick}' is not a valid nickname (it must be a valid JID resource, RFC 7622 §3.4).", nameof(nick));
        }
    }

    /// <summary>A join waiting for the room's answer; collects the occupants the room lists before the client's own presence.</summary>
    private sealed class JoinAttempt(string nick, MucJoinOptions options, bool isRejoin)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Nick { get; } = nick;

        public MucJoinOptions Options { get; } = options;

        public bool IsRejoin { get; } = isRejoin;

        /// <summary>Set when the room let the client in (before the Joined handlers run).</summary>
        public volatile bool Accepted;

        public ImmutableDictionary<string, MucOccupant> Occupants { get; set; } = RoomView.Initial.Occupants;

        public Task Completion => _done.Task;

        public void Complete() => _done.TrySetResult();

        public void Fail(Exception error) => _done.TrySetException(error);

        public void Cancel() => _done.TrySetCanceled();
    }
}
