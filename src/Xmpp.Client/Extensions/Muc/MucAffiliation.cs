namespace Xmpp.Client.Extensions.Muc;

/// <summary>A user's long-lived standing with a room (XEP-0045 §5.2), kept by the room whether or not they are in it.</summary>
public enum MucAffiliation
{
    /// <summary>No affiliation.</summary>
    None,

    /// <summary>Banned: may not enter.</summary>
    Outcast,

    /// <summary>A member: may enter a members-only room.</summary>
    Member,

    /// <summary>An admin: manages members and bans, and is a moderator when in the room.</summary>
    Admin,

    /// <summary>An owner: configures and destroys the room, manages admins and owners.</summary>
    Owner,
}
