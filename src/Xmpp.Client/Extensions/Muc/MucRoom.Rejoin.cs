using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    private CancellationTokenSource? _rejoinStop;
    private bool _sessionLost;

    /// <summary>
    /// Asks the room whether it still counts the client in (XEP-0410 self-ping: an IQ ping to the client's own occupant
    /// JID). When it does not, the room is counted as lost (<see cref="Left"/> with <see cref="MucLeaveReason.NotJoined"/>)
    /// and, with <see cref="MucJoinOptions.Rejoin"/>, joined again. The client does this by itself after
    /// <see cref="MucExtension.SelfPingInterval"/> without traffic from the room.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns><see langword="true"/> when the client is in the room; <see langword="false"/> when it is not.</returns>
    /// <exception cref="XmppIqErrorException">The room's service cannot be reached (<c>remote-server-not-found</c> or
    /// <c>remote-server-timeout</c>): whether the client is in cannot be told now.</exception>
    /// <exception cref="XmppTimeoutException">No answer within <see cref="MucExtension.SelfPingTimeout"/>.</exception>
    public async Task<bool> CheckJoinedAsync(CancellationToken cancellationToken = default)
    {
        var nick = _view.Nick;
        if (_view.State != MucRoomState.Joined || nick is null)
        {
            return false;
        }

        var ping = new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping"))) { To = OccupantJid(nick) };
        try
        {
            await Client.SendIqAsync(ping, _muc.SelfPingTimeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (XmppIqErrorException error) when (error.Error.Condition is not (StanzaErrorCondition.RemoteServerNotFound or StanzaErrorCondition.RemoteServerTimeout))
        {
            // XEP-0410 §3.2: these mean the room routed the ping to one of the client's own resources (joined); an item
            // not found means a nickname change is under way (joined too), unless the room itself is gone: Prosody and
            // ejabberd answer so for a room that does not exist (a MUC service restarted without its rooms).
            if (error.Error.Condition is StanzaErrorCondition.ServiceUnavailable or StanzaErrorCondition.FeatureNotImplemented
                || (error.Error.Condition is StanzaErrorCondition.ItemNotFound && !await IsGoneAsync(cancellationToken).ConfigureAwait(false)))
            {
                return true;
            }

            if (_view.State == MucRoomState.Joined && _view.Nick == nick)
            {
                MucLog.SelfPingFailed(Logger, Jid.ToString(), error.Error.ConditionName);
                await OnLostAsync(MucLeaveReason.NotJoined).ConfigureAwait(false);
            }

            return false;
        }
    }

    /// <summary>Whether the room says it does not exist (item-not-found to a disco#info query of its bare JID).</summary>
    private async Task<bool> IsGoneAsync(CancellationToken cancellationToken)
    {
        var query = new Iq(IqType.Get, new XElement(XName.Get("query", "http://jabber.org/protocol/disco#info"))) { To = Jid };
        try
        {
            await Client.SendIqAsync(query, _muc.SelfPingTimeout, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (XmppIqErrorException error)
        {
            return error.Error.Condition is StanzaErrorCondition.ItemNotFound;
        }
        catch (XmppTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The client's session ended (the room keeps the client in only if the session is resumed).</summary>
    internal async Task OnSessionEndedAsync(bool reconnecting)
    {
        JoinAttempt? attempt;
        bool wasIn;
        lock (_gate)
        {
            attempt = _joining;
            _joining = null;
            wasIn = _view.State is MucRoomState.Joined or MucRoomState.Rejoining;
            _sessionLost = (wasIn || attempt is not null) && reconnecting && _wanted;
            if (!_sessionLost)
            {
                _wanted = false;
                StopRejoining();
                _view = _view.Emptied(MucRoomState.NotJoined);
            }
        }

        attempt?.Fail(new XmppConnectionLostException($"The connection ended before {Jid} answered the join."));
        if (wasIn && !_sessionLost)
        {
            var args = new MucLeftEventArgs(this, MucLeaveReason.Disconnected, null, null, null, willRejoin: false, NoCodes);
            await Context.RaiseAsync(Left, args, nameof(Left)).ConfigureAwait(false);
        }
    }

    /// <summary>A session started: a resumed one keeps the room; a new one lost it, so the client joins again.</summary>
    internal async Task OnSessionStartedAsync(bool resumed)
    {
        bool lost;
        lock (_gate)
        {
            lost = _sessionLost;
            _sessionLost = false;
        }

        if (!lost)
        {
            return;
        }

        if (resumed)
        {
            if (_view.State == MucRoomState.Rejoining)
            {
                StartRejoining(TimeSpan.Zero); // A rejoin the connection loss interrupted.
            }

            return;
        }

        await OnLostAsync(MucLeaveReason.Disconnected).ConfigureAwait(false);
    }

    /// <summary>The room no longer counts the client in: says so, and joins again if wanted.</summary>
    private async Task OnLostAsync(MucLeaveReason reason)
    {
        bool rejoin;
        lock (_gate)
        {
            rejoin = _wanted && _options.Rejoin;
            _wanted = rejoin;
            _view = _view.Emptied(rejoin ? MucRoomState.Rejoining : MucRoomState.NotJoined);
        }

        var args = new MucLeftEventArgs(this, reason, null, null, null, rejoin, NoCodes);
        await Context.RaiseAsync(Left, args, nameof(Left)).ConfigureAwait(false);
        if (rejoin)
        {
            StartRejoining(TimeSpan.Zero);
        }
    }

    /// <summary>Starts the background loop that joins again (one at a time), after <paramref name="firstDelay"/>.</summary>
    private void StartRejoining(TimeSpan firstDelay)
    {
        CancellationTokenSource stop;
        lock (_gate)
        {
            if (_rejoinStop is not null || !_wanted || _view.State is MucRoomState.Joined or MucRoomState.Joining)
            {
                return;
            }

            stop = _rejoinStop = new CancellationTokenSource();
            _view = _view with { State = MucRoomState.Rejoining };
        }

        Context.RunInBackground(token => RejoinAsync(firstDelay, stop, token));
    }

    /// <summary>Stops the rejoin loop; called under the gate.</summary>
    private void StopRejoining()
    {
        if (_rejoinStop is { } stop)
        {
            _rejoinStop = null;
            stop.Cancel();
            if (_view.State == MucRoomState.Rejoining && _joining is null)
            {
                _view = _view with { State = MucRoomState.NotJoined };
            }
        }
    }

    private async Task RejoinAsync(TimeSpan delay, CancellationTokenSource stop, CancellationToken disposing)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, disposing);
        var token = linked.Token;
        try
        {
            for (var tries = 0; ; tries++)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, Context.TimeProvider, token).ConfigureAwait(false);
                }

                string nick;
                MucJoinOptions options;
                lock (_gate)
                {
                    if (_view.Nick is null || !_wanted)
                    {
                        return;
                    }

                    nick = _view.Nick;
                    options = _options;
                }

                var retryIn = await TryRejoinAsync(nick, options, tries, token).ConfigureAwait(false);
                if (retryIn is not { } next)
                {
                    return;
                }

                delay = next;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Left, joined by the application, or the client was disposed.
        }
        finally
        {
            lock (_gate)
            {
                if (_rejoinStop == stop)
                {
                    _rejoinStop = null;
                }
            }

            stop.Dispose();
        }
    }

    /// <summary>One try; the delay before the next one, or <see langword="null"/> when done (joined, or refused for good).</summary>
    private async Task<TimeSpan?> TryRejoinAsync(string nick, MucJoinOptions options, int tries, CancellationToken token)
    {
        Exception failure;
        try
        {
            await JoinCoreAsync(nick, options, isRejoin: true, RejoinHistory(options), token).ConfigureAwait(false);
            return null;
        }
        catch (MucJoinException error) when (IsPermanent(error.Reason))
        {
            lock (_gate)
            {
                _wanted = false;
                _view = _view.Emptied(MucRoomState.NotJoined);
            }

            await Context.RaiseAsync(RejoinFailed, new MucRejoinFailedEventArgs(this, error, retryIn: null), nameof(RejoinFailed)).ConfigureAwait(false);
            return null;
        }
        catch (Exception error) when (error is MucJoinException or XmppTimeoutException or XmppConnectionLostException)
        {
            failure = error;
        }
        catch (InvalidOperationException) when (Client.State != XmppClientState.Connected)
        {
            return null; // Not connected: the next session joins again.
        }

        var retryIn = RejoinDelays.After(tries);
        MucLog.RejoinFailed(Logger, Jid.ToString(), retryIn.TotalSeconds, failure);
        await Context.RaiseAsync(RejoinFailed, new MucRejoinFailedEventArgs(this, failure, retryIn), nameof(RejoinFailed)).ConfigureAwait(false);
        return retryIn;
    }

    /// <summary>A rejoin asks for what was missed since the last message seen, when history was asked for at all.</summary>
    private MucHistory RejoinHistory(MucJoinOptions options)
    {
        var ticks = Volatile.Read(ref _lastMessageTicks);
        return options.History.MaxStanzas == 0 || options.History.MaxChars == 0 || ticks == 0
            ? options.History
            : options.History with { Since = new DateTimeOffset(ticks, TimeSpan.Zero), Seconds = null };
    }

    /// <summary>Refusals that another try would meet again.</summary>
    private static bool IsPermanent(MucJoinError reason) => reason is MucJoinError.NicknameInUse or MucJoinError.Banned
        or MucJoinError.MembersOnly or MucJoinError.PasswordRequired or MucJoinError.NicknameNotAcceptable
        or MucJoinError.CreationNotAllowed or MucJoinError.RoomNotFound;

    /// <summary>How long to wait between rejoin tries.</summary>
    internal static class RejoinDelays
    {
        /// <summary>Before the first try after a service said it shuts down (it is not back at once).</summary>
        public static readonly TimeSpan AfterShutdown = TimeSpan.FromSeconds(2);

        private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

        /// <summary>1, 2, 4 … seconds, at most a minute.</summary>
        public static TimeSpan After(int tries) => TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, Math.Min(tries, 10))));
    }
}
