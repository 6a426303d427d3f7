using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>A message to the whole room (type <c>groupchat</c>): live, from history, or the room's echo of one of ours.</summary>
public sealed class MucMessageEventArgs : EventArgs
{
    internal MucMessageEventArgs(MucRoom room, Message message, string? nick, MucOccupant? occupant, bool isHistory, bool isOwn,
        DateTimeOffset timestamp, string? stanzaId)
    {
        Room = room;
        Message = message;
        Nick = nick;
        Occupant = occupant;
        IsHistory = isHistory;
        IsOwn = isOwn;
        Timestamp = timestamp;
        StanzaId = stanzaId;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>The message as received.</summary>
    public Message Message { get; }

    /// <summary>The message's body, or <see langword="null"/>.</summary>
    public string? Body => Message.Body;

    /// <summary>The sender's nickname, or <see langword="null"/> for a message of the room itself.</summary>
    public string? Nick { get; }

    /// <summary>The sender as an occupant now, or <see langword="null"/> (the room itself, someone who left, or history).</summary>
    public MucOccupant? Occupant { get; }

    /// <summary>
    /// Whether the message is from the history the room sent on joining (it carries a delay, XEP-0203): a bot should
    /// not answer it. Live messages are never history.
    /// </summary>
    public bool IsHistory { get; }

    /// <summary>
    /// Whether it is the room's echo of a message this client sent (recognised by its origin-id or id, XEP-0359, not by
    /// the nickname alone).
    /// </summary>
    public bool IsOwn { get; }

    /// <summary>When it was sent: the delay's stamp for history, otherwise when it arrived.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The id the room gave it (XEP-0359 stanza-id by the room), for the room's archive; <see langword="null"/> without one.</summary>
    public string? StanzaId { get; }
}
