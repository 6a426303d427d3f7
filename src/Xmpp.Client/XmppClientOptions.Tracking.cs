namespace Xmpp.Client;

public sealed partial record XmppClientOptions
{
    /// <summary>
    /// How many resources (of all contacts together) the availability extension tracks at once, and so its memory (about 512
    /// bytes per resource allowed here); the entity capabilities announced by resources are bounded the same way. When
    /// full, a presence from a new contact is not tracked (it is still raised as an event); a contact already tracked
    /// makes room from its own least recently updated resource. 20,000 by default.
    /// </summary>
    public int MaxTrackedResources { get; init; } = 20_000;

    /// <summary>
    /// How many resources of one contact (one bare JID) the availability extension tracks (and whose entity capabilities are
    /// remembered); a new resource beyond that replaces the contact's least recently updated one. Raise it to follow
    /// the occupants of large group chats, whose presences all come from the room's bare JID. 256 by default.
    /// </summary>
    public int MaxTrackedResourcesPerContact { get; init; } = 256;
}
