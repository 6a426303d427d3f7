namespace Xmpp.Client.Extensions.Muc;

/// <summary>The client is in the room: after <see cref="MucRoom.JoinAsync"/> or after joining again by itself.</summary>
public sealed class MucJoinedEventArgs : EventArgs
{
    internal MucJoinedEventArgs(MucRoom room, string nick, bool isRejoin, bool created, IReadOnlySet<int> statusCodes)
    {
        Room = room;
        Nick = nick;
        IsRejoin = isRejoin;
        Created = created;
        StatusCodes = statusCodes;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The client's nickname in it (the service may have assigned another than asked: status 210).</summary>
    public string Nick { get; }

    /// <summary>Whether the client joined again by itself after losing the room.</summary>
    public bool IsRejoin { get; }

    /// <summary>Whether the join created the room (status 201).</summary>
    public bool Created { get; }

    /// <summary>The status codes of the room's self-presence (<see cref="MucStatus"/>: 100, 110, 170, 201, 210 …).</summary>
    public IReadOnlySet<int> StatusCodes { get; }
}
