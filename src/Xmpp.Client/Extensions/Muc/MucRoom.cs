using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>
/// One multi-user chat room (XEP-0045) as this client sees it: whether it is in, with which nickname, who else is,
/// the subject, and the room's events. Get it with <see cref="MucExtension.GetRoom"/>, subscribe to its events, then
/// <see cref="JoinAsync"/>; the same object stays valid across leaves and rejoins.
/// </summary>
/// <remarks>
/// <para>Room traffic is accepted only from the room's bare JID and its occupants' JIDs (<c>room@service/nick</c>):
/// a stanza that claims to be the room's from anywhere else is not room traffic.</para>
/// <para>Events are raised on the client's event task in stream order (like the client's own events; a handler that
/// throws is logged). <see cref="Occupants"/>, <see cref="Self"/> and <see cref="Subject"/> are immutable snapshots,
/// current when an event is raised. The occupants who were in the room before the client joined are in
/// <see cref="Occupants"/> when <see cref="Joined"/> is raised, without an <see cref="OccupantJoined"/> each.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The rejoin token source belongs to the rejoin loop, which disposes it when it ends.")]
public sealed partial class MucRoom
{
    private static readonly IReadOnlySet<int> NoCodes = ImmutableHashSet<int>.Empty;
    private readonly MucExtension _muc;
    private readonly object _gate = new();
    private readonly SentIds _sent = new();
    private volatile RoomView _view = RoomView.Initial;

    internal MucRoom(MucExtension muc, Jid jid)
    {
        _muc = muc;
        Jid = jid;
    }

    /// <summary>Raised when the client is in the room: when <see cref="JoinAsync"/> succeeds and after each rejoin, before the history.</summary>
    public event Func<MucJoinedEventArgs, Task>? Joined;

    /// <summary>Raised when the client is no longer in the room, whatever the reason (<see cref="MucLeftEventArgs.Reason"/>).</summary>
    public event Func<MucLeftEventArgs, Task>? Left;

    /// <summary>Raised when an automatic rejoin fails; <see cref="MucRejoinFailedEventArgs.WillRetry"/> says whether another try follows.</summary>
    public event Func<MucRejoinFailedEventArgs, Task>? RejoinFailed;

    /// <summary>Raised for each message to the room (type <c>groupchat</c>) with a body: live, history (<see cref="MucMessageEventArgs.IsHistory"/>) and the echo of the client's own (<see cref="MucMessageEventArgs.IsOwn"/>).</summary>
    public event Func<MucMessageEventArgs, Task>? MessageReceived;

    /// <summary>Raised for a private message from an occupant (XEP-0045 §7.5).</summary>
    public event Func<MucPrivateMessageEventArgs, Task>? PrivateMessageReceived;

    /// <summary>Raised when the subject is sent (on joining, after the history) or changed.</summary>
    public event Func<MucSubjectEventArgs, Task>? SubjectChanged;

    /// <summary>Raised when someone enters while the client is in the room.</summary>
    public event Func<MucOccupantEventArgs, Task>? OccupantJoined;

    /// <summary>Raised when someone leaves or is removed (kicked, banned …) while the client is in the room.</summary>
    public event Func<MucOccupantLeftEventArgs, Task>? OccupantLeft;

    /// <summary>Raised when an occupant (the client's own one too) changes nickname, role, affiliation or presence.</summary>
    public event Func<MucOccupantChangedEventArgs, Task>? OccupantChanged;

    /// <summary>Raised when someone declines a mediated invitation the client sent (<see cref="InviteAsync"/>).</summary>
    public event Func<MucDeclineEventArgs, Task>? InvitationDeclined;

    /// <summary>The room's bare JID (<c>room@service</c>).</summary>
    public Jid Jid { get; }

    /// <summary>Where the client stands with the room.</summary>
    public MucRoomState State => _view.State;

    /// <summary>Whether the client is in the room.</summary>
    public bool IsJoined => _view.State == MucRoomState.Joined;

    /// <summary>The client's nickname in the room (the last one it joined with), or <see langword="null"/> before the first join.</summary>
    public string? Nick => _view.Nick;

    /// <summary>The client's own occupant while in the room (role and affiliation), or <see langword="null"/>.</summary>
    public MucOccupant? Self => _view.Self;

    /// <summary>Everyone in the room by nickname, the client included, while it is in; empty otherwise.</summary>
    public IReadOnlyDictionary<string, MucOccupant> Occupants => _view.Occupants;

    /// <summary>The room's subject, or <see langword="null"/> when it has none (or it was not sent yet).</summary>
    public string? Subject => _view.Subject;

    /// <summary>
    /// Whether the room is still locked after the client created it as a reserved room (<see cref="MucRoomCreation.Reserved"/>):
    /// nobody else may enter until <see cref="ConfigureAsync"/> is called.
    /// </summary>
    public bool IsLocked => _view.Locked;

    /// <summary>The room's JID.</summary>
    /// <returns>The JID as text.</returns>
    public override string ToString() => Jid.ToString();

    private XmppExtensionContext Context => _muc.ContextOf;

    private ILogger Logger => Context.Logger;

    private XmppClient Client => Context.Client;

    /// <summary>The occupant JID for a nickname.</summary>
    private Jid OccupantJid(string nick) => Jid.WithResource(nick);

    private void SetView(Func<RoomView, RoomView> change)
    {
        lock (_gate)
        {
            _view = change(_view);
        }
    }

    /// <summary>The state readers see, replaced as a whole.</summary>
    private sealed record RoomView(
        MucRoomState State,
        string? Nick,
        MucOccupant? Self,
        ImmutableDictionary<string, MucOccupant> Occupants,
        string? Subject,
        bool Locked)
    {
        public static RoomView Initial { get; } = new(MucRoomState.NotJoined, null, null, ImmutableDictionary.Create<string, MucOccupant>(StringComparer.Ordinal), null, false);

        public RoomView Emptied(MucRoomState state) => this with { State = state, Self = null, Occupants = Initial.Occupants, Locked = false };
    }
}
