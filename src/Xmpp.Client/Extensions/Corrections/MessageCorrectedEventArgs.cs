using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Corrections;

/// <summary>A correction (XEP-0308): the sender replaces the text of a message it sent earlier.</summary>
public sealed class MessageCorrectedEventArgs : EventArgs
{
    internal MessageCorrectedEventArgs(Message message, Jid conversation, string replacedId, string? nick, bool originalKnown)
    {
        Message = message;
        Conversation = conversation;
        ReplacedId = replacedId;
        Nick = nick;
        OriginalKnown = originalKnown;
    }

    /// <summary>The correction as received.</summary>
    public Message Message { get; }

    /// <summary>
    /// The conversation it belongs to: the sender's bare JID in a one-to-one chat, the room's bare JID in a room. Apply
    /// it only to the message with <see cref="ReplacedId"/> in this conversation.
    /// </summary>
    public Jid Conversation { get; }

    /// <summary>The id of the message replaced (its id or origin-id, as the sender gives it).</summary>
    public string ReplacedId { get; }

    /// <summary>The new text (<see langword="null"/> when the correction has no body).</summary>
    public string? NewBody => Message.Body;

    /// <summary>The occupant's nick in a room; <see langword="null"/> in a one-to-one chat.</summary>
    public string? Nick { get; }

    /// <summary>
    /// Whether the client saw the replaced message and checked the correction comes from its sender. When
    /// <see langword="false"/> (a message from before the client started, or forgotten: only the last messages of each
    /// conversation are remembered) check it yourself against what you kept: the sender of the original must be
    /// <see cref="Conversation"/> (one-to-one) or the same occupant (room). A correction whose sender differs from the
    /// known original's is dropped and never raised.
    /// </summary>
    public bool OriginalKnown { get; }
}
