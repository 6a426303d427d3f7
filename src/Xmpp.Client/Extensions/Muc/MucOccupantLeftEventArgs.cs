namespace Xmpp.Client.Extensions.Muc;

/// <summary>Someone left the room, or was removed.</summary>
public sealed class MucOccupantLeftEventArgs : EventArgs
{
    internal MucOccupantLeftEventArgs(MucRoom room, MucOccupant occupant, MucLeaveReason reason, string? actor, string? text, IReadOnlySet<int> statusCodes)
    {
        Room = room;
        Occupant = occupant;
        Reason = reason;
        Actor = actor;
        Text = text;
        StatusCodes = statusCodes;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The occupant as last seen.</summary>
    public MucOccupant Occupant { get; }

    /// <summary>Why they are gone.</summary>
    public MucLeaveReason Reason { get; }

    /// <summary>The nickname (or JID) of the moderator or admin who removed them, when the room says.</summary>
    public string? Actor { get; }

    /// <summary>The reason given by them or by whoever removed them, if any.</summary>
    public string? Text { get; }

    /// <summary>The status codes of the presence (<see cref="MucStatus"/>).</summary>
    public IReadOnlySet<int> StatusCodes { get; }
}
