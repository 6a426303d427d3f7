namespace Xmpp.Client.Extensions.Muc;

/// <summary>What a join does when the room does not exist yet and the service creates it for the joiner (XEP-0045 §10.1).</summary>
public enum MucRoomCreation
{
    /// <summary>
    /// Accept the service's default configuration at once (an "instant room", §10.1.2), so others may enter: the
    /// join completes when the room is unlocked.
    /// </summary>
    Instant,

    /// <summary>
    /// Leave the new room locked for configuration (a "reserved room", §10.1.3): the join completes with
    /// <see cref="MucRoom.IsLocked"/> set; read and submit the form with <see cref="MucRoom.GetConfigurationAsync"/>
    /// and <see cref="MucRoom.ConfigureAsync"/> (or cancel with <see cref="MucRoom.DestroyAsync"/>).
    /// </summary>
    Reserved,

    /// <summary>Do not create rooms: the new room is destroyed again and the join fails with <see cref="MucJoinError.RoomNotFound"/>.</summary>
    Never,
}
