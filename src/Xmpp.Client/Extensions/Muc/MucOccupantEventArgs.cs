namespace Xmpp.Client.Extensions.Muc;

/// <summary>Someone entered the room.</summary>
public sealed class MucOccupantEventArgs : EventArgs
{
    internal MucOccupantEventArgs(MucRoom room, MucOccupant occupant)
    {
        Room = room;
        Occupant = occupant;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The occupant.</summary>
    public MucOccupant Occupant { get; }
}
