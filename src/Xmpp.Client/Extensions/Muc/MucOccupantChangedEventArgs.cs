namespace Xmpp.Client.Extensions.Muc;

/// <summary>An occupant changed: nickname (status 303), role, affiliation (status 321 when it removed them is a leave instead) or presence.</summary>
public sealed class MucOccupantChangedEventArgs : EventArgs
{
    internal MucOccupantChangedEventArgs(MucRoom room, MucOccupant previous, MucOccupant occupant, IReadOnlySet<int> statusCodes)
    {
        Room = room;
        Previous = previous;
        Occupant = occupant;
        StatusCodes = statusCodes;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The occupant before the change.</summary>
    public MucOccupant Previous { get; }

    /// <summary>The occupant now.</summary>
    public MucOccupant Occupant { get; }

    /// <summary>Whether the nickname changed (<see cref="Previous"/> holds the old one).</summary>
    public bool NickChanged => Previous.Nick != Occupant.Nick;

    /// <summary>Whether the role changed (voice granted or revoked, moderator made or removed).</summary>
    public bool RoleChanged => Previous.Role != Occupant.Role;

    /// <summary>Whether the affiliation changed.</summary>
    public bool AffiliationChanged => Previous.Affiliation != Occupant.Affiliation;

    /// <summary>Whether this is about the client's own occupant.</summary>
    public bool IsSelf => Occupant.Jid == Room.Self?.Jid || Previous.Jid == Room.Self?.Jid;

    /// <summary>The status codes of the presence (<see cref="MucStatus"/>).</summary>
    public IReadOnlySet<int> StatusCodes { get; }
}
