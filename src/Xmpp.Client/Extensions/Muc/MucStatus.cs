namespace Xmpp.Client.Extensions.Muc;

/// <summary>The status codes a room puts on its presences and messages (XEP-0045 §15.6.2), for the codes the events report.</summary>
public static class MucStatus
{
    /// <summary>Real JIDs are visible to every occupant (the room is not anonymous).</summary>
    public const int NonAnonymous = 100;

    /// <summary>The presence is about the receiving occupant itself.</summary>
    public const int Self = 110;

    /// <summary>The room is logged publicly.</summary>
    public const int Logged = 170;

    /// <summary>The join created the room.</summary>
    public const int RoomCreated = 201;

    /// <summary>The service changed the nickname asked for (the presence carries the one assigned).</summary>
    public const int NickAssigned = 210;

    /// <summary>The occupant was banned.</summary>
    public const int Banned = 301;

    /// <summary>The occupant changed nickname (on the unavailable presence of the old one; the item names the new one).</summary>
    public const int NickChanged = 303;

    /// <summary>The occupant was kicked.</summary>
    public const int Kicked = 307;

    /// <summary>The occupant was removed because their affiliation changed.</summary>
    public const int RemovedByAffiliation = 321;

    /// <summary>The occupant was removed because the room became members-only and they are not a member.</summary>
    public const int RemovedMembersOnly = 322;

    /// <summary>The occupant was removed because the service is shutting down.</summary>
    public const int ServiceShutdown = 332;

    /// <summary>The occupant was removed because of an error (the service lost contact with them, for example).</summary>
    public const int RemovedByError = 333;
}
