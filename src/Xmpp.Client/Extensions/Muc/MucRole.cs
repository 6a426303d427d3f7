namespace Xmpp.Client.Extensions.Muc;

/// <summary>An occupant's role in a room (XEP-0045 §5.1): what they may do while they are in it.</summary>
public enum MucRole
{
    /// <summary>Not in the room (the role of someone who left or was kicked).</summary>
    None,

    /// <summary>In the room, but may not speak in a moderated room.</summary>
    Visitor,

    /// <summary>May speak.</summary>
    Participant,

    /// <summary>May kick, grant and revoke voice, and change the subject.</summary>
    Moderator,
}
