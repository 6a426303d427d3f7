namespace Xmpp.Client.Extensions.Muc;

/// <summary>Why a room refused a join (XEP-0045 §7.2.6–7.2.11 and §10.1.1), each saying what the caller can do.</summary>
public enum MucJoinError
{
    /// <summary>Another error; see <see cref="MucJoinException.Error"/>.</summary>
    Other,

    /// <summary>Someone in the room uses the nickname, or another user registered it (<c>conflict</c>): pick another.</summary>
    NicknameInUse,

    /// <summary>The room needs a password, or the one given is wrong (<c>not-authorized</c>): pass <see cref="MucJoinOptions.Password"/>.</summary>
    PasswordRequired,

    /// <summary>The account is banned from the room (<c>forbidden</c>): an admin must lift the ban.</summary>
    Banned,

    /// <summary>The room is members-only and the account is not a member (<c>registration-required</c>): ask an admin for membership.</summary>
    MembersOnly,

    /// <summary>
    /// The room does not exist and cannot be created now, or it is locked while its creator configures it
    /// (<c>item-not-found</c>); also what a join with <see cref="MucRoomCreation.Never"/> reports for a missing room.
    /// </summary>
    RoomNotFound,

    /// <summary>The service does not let this account create rooms (<c>not-allowed</c>): join an existing room.</summary>
    CreationNotAllowed,

    /// <summary>The room admits only the account's registered nickname (<c>not-acceptable</c>): join with that one.</summary>
    NicknameNotAcceptable,

    /// <summary>The room holds as many occupants as it admits (<c>service-unavailable</c>): try again later.</summary>
    RoomFull,

    /// <summary>The chat service cannot be reached (<c>remote-server-not-found</c>, <c>remote-server-timeout</c>): check the room's JID, or try later.</summary>
    ServiceUnreachable,
}
