namespace Xmpp.Client.Extensions.Roster;

/// <summary>The presence subscription state of a roster item (RFC 6121 §2.1.2.5).</summary>
public enum RosterSubscription
{
    /// <summary>Neither the user nor the contact is subscribed to the other's presence.</summary>
    None = 0,

    /// <summary>The user is subscribed to the contact's presence, not the other way round.</summary>
    To = 1,

    /// <summary>The contact is subscribed to the user's presence, not the other way round.</summary>
    From = 2,

    /// <summary>Both are subscribed to each other's presence.</summary>
    Both = 3,

    /// <summary>The item was removed from the roster (only in roster pushes).</summary>
    Remove = 4,
}
