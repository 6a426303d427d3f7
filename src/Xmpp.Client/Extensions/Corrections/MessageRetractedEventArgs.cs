using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Corrections;

/// <summary>A retraction (XEP-0424): the sender asks that a message it sent earlier be taken back (no longer shown).</summary>
public sealed class MessageRetractedEventArgs : EventArgs
{
    internal MessageRetractedEventArgs(Message message, Jid conversation, string retractedId, string? nick, bool originalKnown)
    {
        Message = message;
        Conversation = conversation;
        RetractedId = retractedId;
        Nick = nick;
        OriginalKnown = originalKnown;
    }

    /// <summary>The retraction as received.</summary>
    public Message Message { get; }

    /// <summary>The conversation: the sender's bare JID in a one-to-one chat, the room's bare JID in a room.</summary>
    public Jid Conversation { get; }

    /// <summary>
    /// The id of the message retracted: its origin-id (or id) in a one-to-one chat, the room's stanza-id (XEP-0359) in a room.
    /// </summary>
    public string RetractedId { get; }

    /// <summary>The occupant's nick in a room; <see langword="null"/> in a one-to-one chat.</summary>
    public string? Nick { get; }

    /// <summary>
    /// Whether the client saw the retracted message and checked the retraction comes from its sender; see
    /// <see cref="MessageCorrectedEventArgs.OriginalKnown"/>.
    /// </summary>
    public bool OriginalKnown { get; }
}
