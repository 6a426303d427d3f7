namespace Xmpp.Client.Extensions.Muc;

/// <summary>Why an occupant (or the client itself) is no longer in a room.</summary>
public enum MucLeaveReason
{
    /// <summary>They left (for the client: <see cref="MucRoom.LeaveAsync"/>, or the room removed it without saying why).</summary>
    Left,

    /// <summary>A moderator kicked them (status 307).</summary>
    Kicked,

    /// <summary>An admin banned them (status 301).</summary>
    Banned,

    /// <summary>Their affiliation changed so that they may no longer be in the room (status 321).</summary>
    AffiliationChanged,

    /// <summary>The room became members-only and they are not a member (status 322).</summary>
    MembersOnly,

    /// <summary>The chat service is shutting down (status 332); it may be back soon.</summary>
    ServiceShutdown,

    /// <summary>The room removed them after an error, such as losing contact with their server (status 333).</summary>
    Error,

    /// <summary>The room was destroyed by its owner (see <see cref="MucLeftEventArgs.Destroyed"/>).</summary>
    RoomDestroyed,

    /// <summary>The client's connection ended without its session being resumed, so the room no longer counts it in.</summary>
    Disconnected,

    /// <summary>A self-ping (XEP-0410) or a message's error showed the room no longer counts the client in.</summary>
    NotJoined,
}
