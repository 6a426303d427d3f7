using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>A private message from an occupant, through the room (XEP-0045 §7.5).</summary>
public sealed class MucPrivateMessageEventArgs : EventArgs
{
    internal MucPrivateMessageEventArgs(MucRoom room, string nick, MucOccupant? occupant, Message message)
    {
        Room = room;
        Nick = nick;
        Occupant = occupant;
        Message = message;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The sender's nickname; answer with <see cref="MucRoom.SendPrivateMessageAsync"/>.</summary>
    public string Nick { get; }

    /// <summary>The sender as an occupant now, or <see langword="null"/> if the room no longer lists them.</summary>
    public MucOccupant? Occupant { get; }

    /// <summary>The message as received.</summary>
    public Message Message { get; }

    /// <summary>The message's body, or <see langword="null"/>.</summary>
    public string? Body => Message.Body;
}
