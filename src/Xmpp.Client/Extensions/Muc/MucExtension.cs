using System.Collections.Concurrent;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>
/// Multi-user chat (XEP-0045): rooms (<see cref="GetRoom"/>, <see cref="JoinAsync"/>), finding services and rooms,
/// invitations (XEP-0045 §7.8 and XEP-0249), and staying in the rooms: self-ping (XEP-0410) and rejoining after a
/// reconnection that could not resume the session or a service restart. Reach it through <c>XmppClient.Muc</c>.
/// </summary>
/// <remarks>
/// <para>Stanzas from a room's bare JID or its occupants' JIDs go to the room object (its events), not to the
/// client's <see cref="XmppClient.MessageReceived"/> and <see cref="XmppClient.PresenceReceived"/>, while the client
/// is in, joining or rejoining the room; error messages go to both.</para>
/// <para>Settings are init-only: register a configured instance with
/// <c>XmppExtensionSet.Default.Add(() =&gt; new MucExtension { SelfPingInterval = TimeSpan.FromMinutes(2) })</c>.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed partial class MucExtension : XmppExtension
{
    private readonly ConcurrentDictionary<Jid, MucRoom> _rooms = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);

    /// <summary>Whether any room was got (ConcurrentDictionary.IsEmpty takes every lock when it is empty: not for each stanza).</summary>
    private volatile bool _anyRoom;
    private readonly TimeSpan _selfPingInterval = TimeSpan.FromMinutes(5);
    private readonly TimeSpan _selfPingTimeout = TimeSpan.FromSeconds(30);
    private readonly int _maxOccupantsPerRoom = 10_000;
    private readonly List<Func<MucRoom, Message, string?, ValueTask<bool>>> _groupchatFilters = [];
    private DiscoExtension _disco = null!;

    /// <summary>
    /// Raised for an invitation to a room: mediated (from the room's bare JID only; anything else claiming to be one is
    /// ignored) or direct (XEP-0249, from the inviter). On the event task, in stream order. Invitations are usually
    /// sent to the account's bare JID, which servers deliver only to resources that sent an available presence
    /// (<c>client.SendAsync(new Presence())</c>); without one they wait in offline storage.
    /// </summary>
    public event Func<MucInvitationEventArgs, Task>? InvitationReceived;

    /// <summary>
    /// How long a joined room may stay silent before the client asks whether it is still in (XEP-0410 self-ping);
    /// 5 minutes by default; <see cref="Timeout.InfiniteTimeSpan"/> turns self-ping off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive (nor infinite).</exception>
    public TimeSpan SelfPingInterval
    {
        get => _selfPingInterval;
        init => _selfPingInterval = value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan ? value
            : throw new ArgumentOutOfRangeException(nameof(SelfPingInterval), value, "Give a positive interval, or Timeout.InfiniteTimeSpan.");
    }

    /// <summary>How long to wait for a self-ping's answer; 30 seconds by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan SelfPingTimeout
    {
        get => _selfPingTimeout;
        init => _selfPingTimeout = value > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(SelfPingTimeout), value, "Give a positive timeout.");
    }

    /// <summary>
    /// At most this many occupants are tracked per room (10,000 by default): a room that lists more (or a service
    /// gone wrong) cannot fill memory; those beyond are not in <see cref="MucRoom.Occupants"/> and raise no events.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxOccupantsPerRoom
    {
        get => _maxOccupantsPerRoom;
        init => _maxOccupantsPerRoom = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxOccupantsPerRoom), value, "Track at least one occupant.");
    }

    /// <summary>The rooms this client knows (got with <see cref="GetRoom"/>), joined or not.</summary>
    public IReadOnlyCollection<MucRoom> Rooms => [.. _rooms.Values];

    /// <summary>The context, for the rooms.</summary>
    internal XmppExtensionContext ContextOf => Context;

    /// <summary>Whether the caller may wait for a stanza: not when it runs in place on the event task that would deliver it.</summary>
    internal bool CanWait => !(Context.InEventCallback && Client.Options.MaxConcurrentEventHandlers == 1);

    /// <summary>
    /// The room with this JID: the same object each time, to subscribe to before joining so no event is missed.
    /// </summary>
    /// <param name="room">The room's bare JID (<c>room@service</c>).</param>
    /// <returns>The room.</returns>
    /// <exception cref="ArgumentException"><paramref name="room"/> is not a bare JID with a local part.</exception>
    public MucRoom GetRoom(Jid room)
    {
        if (room.IsEmpty || !room.IsBare || room.Local is null)
        {
            throw new ArgumentException($"'{room}' is not a room's JID: give its bare JID, room@service.", nameof(room));
        }

        var known = _rooms.GetOrAdd(room, static (jid, muc) => new MucRoom(muc, jid), this);
        _anyRoom = true;
        return known;
    }

    /// <summary>Gets the room and joins it: <c>GetRoom(room).JoinAsync(nick, options)</c>.</summary>
    /// <param name="room">The room's bare JID.</param>
    /// <param name="nick">The nickname.</param>
    /// <param name="options">Password, history, creation, timeout and rejoin; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The room, joined.</returns>
    /// <exception cref="MucJoinException">The room refused; <see cref="MucJoinException.Reason"/> says why.</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">See <see cref="MucRoom.JoinAsync"/>.</exception>
    public async Task<MucRoom> JoinAsync(Jid room, string nick, MucJoinOptions? options = null, CancellationToken cancellationToken = default)
    {
        var joined = GetRoom(room);
        await joined.JoinAsync(nick, options, cancellationToken).ConfigureAwait(false);
        return joined;
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        context.AddFeature(MucNamespaces.Muc);
        context.AddFeature(MucNamespaces.Conference);
        context.OnMessage(OnMessageAsync);
        context.OnPresence(OnPresenceAsync);
        context.OnSessionEnded(OnSessionEndedAsync);
        context.OnSessionStarted(OnSessionStartedAsync);
        context.WatchOutgoing(OnOutgoing);
    }

    /// <summary>
    /// Lets another built-in extension (corrections, retractions) see each groupchat message of a joined room before
    /// <see cref="MucRoom.MessageReceived"/>, and take it (return <see langword="true"/>). Registered from that
    /// extension's <c>Initialize</c>, after this one's (it requires this one), so the list is fixed before any stanza.
    /// </summary>
    internal void AddGroupchatFilter(Func<MucRoom, Message, string?, ValueTask<bool>> filter) => _groupchatFilters.Add(filter);

    /// <summary>Runs the groupchat filters on a room's message; <see langword="true"/> when one took it.</summary>
    internal async ValueTask<bool> FilterGroupchatAsync(MucRoom room, Message message, string? nick)
    {
        foreach (var filter in _groupchatFilters)
        {
            if (await filter(room, message, nick).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws when the caller would wait for a stanza that only the event task it blocks can deliver.</summary>
    internal void CheckCanWait(string operation)
    {
        if (!CanWait)
        {
            throw new InvalidOperationException(
                $"{operation} waits for the room's answer, which the client's event task delivers, and this call runs on it "
                + "(inside an event handler): call it outside the handler (for example without awaiting it there), or let "
                + "handlers run concurrently with XmppClientOptions.MaxConcurrentEventHandlers above 1.");
        }
    }

    private ValueTask<bool> OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        // A room's mediated invitation may carry a jabber:x:conference element too, for older clients (Prosody and
        // ejabberd add one): it is mediated, not direct, when it has a muc#user invite.
        if (message.HasPayload(MucNamespaces.ConferenceX) && message.Type != MessageType.Error
            && message.GetPayload(MucNamespaces.UserX)?.Element(MucInvitations.InviteName) is null)
        {
            return OnDirectInvitationAsync(message);
        }

        if ((!_anyRoom && !message.HasPayload(MucNamespaces.UserX)) || message.From is not { } from)
        {
            return new(false);
        }

        if (from.IsBare && message.Type != MessageType.Error && MucInvitations.ReadMediated(message, from) is { } invitation)
        {
            return RaiseInvitationAsync(invitation, message);
        }

        if (message.HasPayload(MucNamespaces.UserX) && !from.IsBare && message.GetPayload(MucNamespaces.UserX)?.Element(MucInvitations.InviteName) is not null)
        {
            MucLog.SpoofedInvitation(Context.Logger, from.ToString());
            return new(true);
        }

        return _rooms.TryGetValue(from.Bare, out var room) && room.IsActive ? room.OnMessageAsync(message, from) : new(false);
    }

    private ValueTask<bool> OnPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        if (!_anyRoom || presence.From is not { } from || !_rooms.TryGetValue(from.Bare, out var room))
        {
            return new(false);
        }

        if (room.IsActive)
        {
            return room.OnPresenceAsync(presence, from);
        }

        return LeaveLateJoinAsync(presence, from);
    }

    /// <summary>A room the client is not in says it let the client in (a join given up by its caller): leave again.</summary>
    private async ValueTask<bool> LeaveLateJoinAsync(Presence presence, Jid from)
    {
        if (presence.Type == PresenceType.Available && from.Resource is not null
            && MucUserData.Read(presence.GetPayload(MucNamespaces.UserX)).Has(MucStatus.Self))
        {
            MucLog.LateJoinLeft(Context.Logger, from.Bare.ToString());
            await Context.SendAsync(new Presence(PresenceType.Unavailable) { To = from }).ConfigureAwait(false);
        }

        return true;
    }

    private async Task OnSessionEndedAsync(XmppSessionEndedEventArgs ended)
    {
        foreach (var room in _rooms.Values)
        {
            await room.OnSessionEndedAsync(ended.IsReconnecting).ConfigureAwait(false);
        }
    }

    private async Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        foreach (var room in _rooms.Values)
        {
            await room.OnSessionStartedAsync(session.IsResumed).ConfigureAwait(false);
        }
    }
}
