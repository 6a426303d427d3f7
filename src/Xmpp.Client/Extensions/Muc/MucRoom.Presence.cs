using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    /// <summary>Nickname changes under way (status 303), by new nickname: the occupant as they were (event task only).</summary>
    private readonly Dictionary<string, MucOccupant> _renames = new(StringComparer.Ordinal);
    private bool _occupantLimitLogged;

    /// <summary>Whether the client is in, is joining, or is rejoining: then the room's stanzas are room traffic.</summary>
    internal bool IsActive => _view.State != MucRoomState.NotJoined || Volatile.Read(ref _joining) is not null;

    /// <summary>On the event task: a presence from the room's bare JID or one of its occupants.</summary>
    internal async ValueTask<bool> OnPresenceAsync(Presence presence, Jid from)
    {
        Touch();
        var data = MucUserData.Read(presence.GetPayload(MucNamespaces.UserX));
        var nick = from.Resource;
        var attempt = Volatile.Read(ref _joining);
        if (presence.Type == PresenceType.Error)
        {
            OnErrorPresence(presence, nick, attempt);
            return true;
        }

        if (nick is null || presence.Type is not (PresenceType.Available or PresenceType.Unavailable))
        {
            return true; // The room's own presence, or a subscription request to it: nothing of an occupant.
        }

        // Nicknames are unique in a room, so an unavailable presence from the client's own one is about the client,
        // with or without status 110 (ejabberd 23.01 leaves it out of the presence that says the room was destroyed).
        var isSelf = data.Has(MucStatus.Self) || (attempt is not null && nick == attempt.Nick && data.StatusCodes.Count == 0 && _view.Self is null)
            || (presence.Type == PresenceType.Unavailable && _view.State == MucRoomState.Joined && nick == _view.Nick);
        var occupant = MucOccupant.From(from, presence, data);
        if (presence.Type == PresenceType.Unavailable)
        {
            await OnUnavailableAsync(occupant, data, presence, isSelf).ConfigureAwait(false);
        }
        else if (attempt is not null && isSelf)
        {
            await CompleteJoinAsync(attempt, occupant, data).ConfigureAwait(false);
        }
        else if (attempt is not null)
        {
            if (Admits(attempt.Occupants, nick))
            {
                attempt.Occupants = attempt.Occupants.SetItem(nick, occupant);
            }
        }
        else if (_view.State == MucRoomState.Joined)
        {
            await OnAvailableAsync(occupant, data, isSelf).ConfigureAwait(false);
        }

        return true;
    }

    private void OnErrorPresence(Presence presence, string? nick, JoinAttempt? attempt)
    {
        var error = presence.Error ?? new StanzaError(StanzaErrorCondition.UndefinedCondition);
        if (attempt is not null && (nick is null || nick == attempt.Nick))
        {
            FailJoin(attempt, new MucJoinException(Jid, attempt.Nick, MucJoinException.Classify(error.Condition), error));
        }
        else if (_nickChange is { } change && (nick is null || nick == change.Nick))
        {
            change.Fail(new MucJoinException(Jid, change.Nick, MucJoinException.Classify(error.Condition), error));
        }
        else
        {
            MucLog.ErrorPresence(Logger, Jid.ToString(), error.ConditionName);
        }
    }

    private async ValueTask OnAvailableAsync(MucOccupant occupant, MucUserData data, bool isSelf)
    {
        MucOccupant? previous;
        var renamed = _renames.Remove(occupant.Nick, out var before);
        if (!isSelf && !Admits(_view.Occupants, occupant.Nick))
        {
            return;
        }

        lock (_gate)
        {
            previous = renamed ? before : _view.Occupants.GetValueOrDefault(occupant.Nick);
            _view = _view with
            {
                Occupants = _view.Occupants.SetItem(occupant.Nick, occupant),
                Self = isSelf ? occupant : _view.Self,
                Nick = isSelf ? occupant.Nick : _view.Nick,
            };
        }

        if (isSelf && renamed)
        {
            _nickChange?.Complete(occupant.Nick);
        }

        if (previous is null)
        {
            await Context.RaiseAsync(OccupantJoined, new MucOccupantEventArgs(this, occupant), nameof(OccupantJoined)).ConfigureAwait(false);
        }
        else if (previous != occupant)
        {
            var args = new MucOccupantChangedEventArgs(this, previous, occupant, data.StatusCodes);
            await Context.RaiseAsync(OccupantChanged, args, nameof(OccupantChanged)).ConfigureAwait(false);
        }
    }

    private async ValueTask OnUnavailableAsync(MucOccupant occupant, MucUserData data, Presence presence, bool isSelf)
    {
        if (data.Has(MucStatus.NickChanged) && data.Nick is { } newNick && _view.State == MucRoomState.Joined)
        {
            // The old nickname goes; the available presence of the new one follows and completes the change.
            var known = _view.Occupants.GetValueOrDefault(occupant.Nick) ?? occupant;
            if (_renames.Count < MaxPendingRenames)
            {
                _renames[newNick] = known;
            }

            SetView(view => view with { Occupants = view.Occupants.Remove(occupant.Nick) });
            return;
        }

        if (isSelf || (Volatile.Read(ref _joining) is { } attempt && occupant.Nick == attempt.Nick))
        {
            await OnSelfRemovedAsync(data, presence).ConfigureAwait(false);
            return;
        }

        MucOccupant? gone = null;
        lock (_gate)
        {
            if (_view.Occupants.TryGetValue(occupant.Nick, out var last))
            {
                gone = last;
                _view = _view with { Occupants = _view.Occupants.Remove(occupant.Nick) };
            }
        }

        if (Volatile.Read(ref _joining) is { } joining)
        {
            joining.Occupants = joining.Occupants.Remove(occupant.Nick);
        }

        if (gone is not null && _view.State == MucRoomState.Joined)
        {
            var args = new MucOccupantLeftEventArgs(this, gone, ReasonOf(data), data.ActorNick ?? data.ActorJid?.ToString(),
                data.Reason ?? presence.Status, data.StatusCodes);
            await Context.RaiseAsync(OccupantLeft, args, nameof(OccupantLeft)).ConfigureAwait(false);
        }
    }

    /// <summary>The room says the client is out: it left, or was removed.</summary>
    private async ValueTask OnSelfRemovedAsync(MucUserData data, Presence presence)
    {
        TaskCompletionSource? leaving;
        JoinAttempt? attempt;
        bool wasIn;
        bool rejoin;
        var reason = ReasonOf(data);
        lock (_gate)
        {
            leaving = _leaving;
            _leaving = null;
            attempt = _joining;
            _joining = null;
            wasIn = _view.State == MucRoomState.Joined;
            rejoin = leaving is null && _wanted && _options.Rejoin && reason is MucLeaveReason.ServiceShutdown or MucLeaveReason.Error or MucLeaveReason.Left;
            _wanted = rejoin;
            _view = _view.Emptied(rejoin ? MucRoomState.Rejoining : MucRoomState.NotJoined);
        }

        if (attempt is not null)
        {
            // Removed before the join completed (a service shutting down as the client entered).
            attempt.Fail(new MucJoinException(Jid, attempt.Nick, MucJoinError.Other, new StanzaError(StanzaErrorCondition.ServiceUnavailable, data.Reason)));
        }

        try
        {
            if (wasIn || attempt is not null)
            {
                var args = new MucLeftEventArgs(this, reason, data.ActorNick ?? data.ActorJid?.ToString(), data.Reason ?? presence.Status,
                    data.Destroyed, rejoin, data.StatusCodes);
                await Context.RaiseAsync(Left, args, nameof(Left)).ConfigureAwait(false);
            }
        }
        finally
        {
            leaving?.TrySetResult(); // LeaveAsync completes once Left has been raised
        }

        if (rejoin)
        {
            StartRejoining(reason == MucLeaveReason.ServiceShutdown ? RejoinDelays.AfterShutdown : TimeSpan.Zero);
        }
    }

    /// <summary>Whether the occupant list may hold this nick: one it has, or a new one while under the limit (logged once when reached).</summary>
    private bool Admits(System.Collections.Immutable.ImmutableDictionary<string, MucOccupant> occupants, string nick)
    {
        if (occupants.Count < _muc.MaxOccupantsPerRoom || occupants.ContainsKey(nick))
        {
            return true;
        }

        if (!_occupantLimitLogged)
        {
            _occupantLimitLogged = true;
            MucLog.OccupantLimit(Logger, Jid.ToString(), _muc.MaxOccupantsPerRoom);
        }

        return false;
    }

    private static MucLeaveReason ReasonOf(MucUserData data) =>
        data.Destroyed is not null ? MucLeaveReason.RoomDestroyed
        : data.Has(MucStatus.Banned) ? MucLeaveReason.Banned
        : data.Has(MucStatus.Kicked) ? MucLeaveReason.Kicked
        : data.Has(MucStatus.RemovedByAffiliation) ? MucLeaveReason.AffiliationChanged
        : data.Has(MucStatus.RemovedMembersOnly) ? MucLeaveReason.MembersOnly
        : data.Has(MucStatus.ServiceShutdown) ? MucLeaveReason.ServiceShutdown
        : data.Has(MucStatus.RemovedByError) ? MucLeaveReason.Error
        : MucLeaveReason.Left;

    /// <summary>At most this many nickname changes wait for their new presence at once (a room sends them in pairs).</summary>
    private const int MaxPendingRenames = 64;
}
