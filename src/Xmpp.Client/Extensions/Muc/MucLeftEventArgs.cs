namespace Xmpp.Client.Extensions.Muc;

/// <summary>The client is no longer in the room: it left, was removed, lost its connection, or found it is not counted in.</summary>
public sealed class MucLeftEventArgs : EventArgs
{
    internal MucLeftEventArgs(MucRoom room, MucLeaveReason reason, string? actor, string? text, MucDestroyNotice? destroyed,
        bool willRejoin, IReadOnlySet<int> statusCodes)
    {
        Room = room;
        Reason = reason;
        Actor = actor;
        Text = text;
        Destroyed = destroyed;
        WillRejoin = willRejoin;
        StatusCodes = statusCodes;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>Why.</summary>
    public MucLeaveReason Reason { get; }

    /// <summary>The nickname (or JID) of the moderator or admin who removed the client, when the room says.</summary>
    public string? Actor { get; }

    /// <summary>The reason given, if any.</summary>
    public string? Text { get; }

    /// <summary>For <see cref="MucLeaveReason.RoomDestroyed"/>, the owner's notice (with an alternate room, perhaps).</summary>
    public MucDestroyNotice? Destroyed { get; }

    /// <summary>
    /// Whether the client joins again by itself (<see cref="MucJoinOptions.Rejoin"/>: after a connection loss, a
    /// service shutdown or a failed self-ping; never after a kick, ban or destruction). <see cref="MucRoom.Joined"/>
    /// follows when it is back, <see cref="MucRoom.RejoinFailed"/> when a try fails.
    /// </summary>
    public bool WillRejoin { get; }

    /// <summary>The status codes of the room's presence, if one said it (<see cref="MucStatus"/>); empty otherwise.</summary>
    public IReadOnlySet<int> StatusCodes { get; }
}
