namespace Xmpp.Client.Extensions.Muc;

/// <summary>Where the client stands with a room.</summary>
public enum MucRoomState
{
    /// <summary>Not in the room.</summary>
    NotJoined,

    /// <summary>A join was sent; the room has not answered yet.</summary>
    Joining,

    /// <summary>In the room.</summary>
    Joined,

    /// <summary>The room was lost (connection, service restart, failed self-ping) and the client is joining again by itself.</summary>
    Rejoining,
}
