namespace Xmpp.Client.Extensions.Muc;

/// <summary>
/// The usual fields of a room's configuration form (XEP-0045 §15.5.3, FORM_TYPE
/// <c>http://jabber.org/protocol/muc#roomconfig</c>); a service may offer fewer, or more of its own.
/// </summary>
public static class MucConfigFields
{
    /// <summary>The room's name (text).</summary>
    public const string Name = "muc#roomconfig_roomname";

    /// <summary>Its description (text).</summary>
    public const string Description = "muc#roomconfig_roomdesc";

    /// <summary>Whether it outlives its last occupant (boolean).</summary>
    public const string Persistent = "muc#roomconfig_persistentroom";

    /// <summary>Whether the service lists it (boolean).</summary>
    public const string Public = "muc#roomconfig_publicroom";

    /// <summary>Whether only members may enter (boolean).</summary>
    public const string MembersOnly = "muc#roomconfig_membersonly";

    /// <summary>Whether only occupants with voice may speak (boolean).</summary>
    public const string Moderated = "muc#roomconfig_moderatedroom";

    /// <summary>Whether a password is needed to enter (boolean); set <see cref="Password"/> with it.</summary>
    public const string PasswordProtected = "muc#roomconfig_passwordprotectedroom";

    /// <summary>The password (text-private).</summary>
    public const string Password = "muc#roomconfig_roomsecret";

    /// <summary>Who may see occupants' real JIDs: <c>moderators</c> or <c>anyone</c> (list-single).</summary>
    public const string WhoIs = "muc#roomconfig_whois";

    /// <summary>At most how many occupants (list-single of numbers, or <c>none</c>).</summary>
    public const string MaxUsers = "muc#roomconfig_maxusers";

    /// <summary>Whether occupants may change the subject (boolean).</summary>
    public const string ChangeSubject = "muc#roomconfig_changesubject";

    /// <summary>Whether occupants may invite others (boolean).</summary>
    public const string AllowInvites = "muc#roomconfig_allowinvites";
}
