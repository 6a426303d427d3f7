namespace Xmpp.Client.Extensions.Roster;

/// <summary>What a roster push did to <see cref="RosterExtension.Items"/>.</summary>
public enum RosterChangeKind
{
    /// <summary>A contact was added.</summary>
    Added = 0,

    /// <summary>A contact's name, groups or subscription changed.</summary>
    Updated = 1,

    /// <summary>A contact was removed.</summary>
    Removed = 2,
}
