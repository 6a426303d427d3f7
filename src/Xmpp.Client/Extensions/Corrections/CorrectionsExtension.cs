using System.Xml.Linq;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Corrections;

/// <summary>
/// Last message corrections (XEP-0308) and message retractions (XEP-0424): sends them
/// (<see cref="CorrectAsync"/>, <see cref="RetractAsync"/>) and raises <see cref="MessageCorrected"/> and
/// <see cref="MessageRetracted"/> for those received, in one-to-one chats and in joined rooms.
/// </summary>
/// <remarks>
/// <para>Only the sender of a message may correct or retract it. The extension remembers who sent the last
/// <see cref="MessagesPerConversation"/> messages of each conversation (those received and those this client sent), by
/// every id they are known by (id, origin-id, a room's stanza-id): a correction or retraction of a remembered message
/// from anyone else — another JID, another occupant of the room (compared by occupant-id, XEP-0421, when both
/// messages carry one, else by nick) — is dropped and logged. One of a message not remembered is raised with
/// <see cref="MessageCorrectedEventArgs.OriginalKnown"/> <see langword="false"/>: apply it only to a message of the same
/// conversation whose sender you checked. In a one-to-one chat the conversation is the sender's bare JID, so another
/// JID can never reach someone else's messages through it.</para>
/// <para>Corrections and retractions are taken: they reach neither <see cref="XmppClient.MessageReceived"/> nor
/// <see cref="MucRoom.MessageReceived"/>, so they are never shown as new messages.</para>
/// <para>Room messages reach it through the multi-user chat extension, which it requires (registering it adds
/// <see cref="MucExtension"/> if the set lacks it). Carbon copies (XEP-0280) of corrections are raised by
/// <c>CarbonsExtension.CarbonReceived</c> as what they are, not here.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed class CorrectionsExtension : XmppExtension
{
    /// <summary>The namespace of XEP-0308.</summary>
    public const string CorrectNamespace = "urn:xmpp:message-correct:0";

    /// <summary>The namespace of XEP-0424 (since version 0.4; older clients used <c>urn:xmpp:message-retract:0</c>, not understood here).</summary>
    public const string RetractNamespace = "urn:xmpp:message-retract:1";

    /// <summary>The body a retraction carries for clients without XEP-0424 (XEP-0428 fallback).</summary>
    public const string RetractionFallbackBody = "This person attempted to retract a previous message, but it's unsupported by your client.";

    /// <summary><c>&lt;replace xmlns='urn:xmpp:message-correct:0' id='…'/&gt;</c>.</summary>
    public static readonly XName ReplaceName = XName.Get("replace", CorrectNamespace);

    /// <summary><c>&lt;retract xmlns='urn:xmpp:message-retract:1' id='…'/&gt;</c>.</summary>
    public static readonly XName RetractName = XName.Get("retract", RetractNamespace);

    private static readonly XName FallbackName = XName.Get("fallback", "urn:xmpp:fallback:0");
    private static readonly XName StoreName = XName.Get("store", "urn:xmpp:hints");
    private static readonly XName OriginIdName = XName.Get("origin-id", "urn:xmpp:sid:0");
    private static readonly XName StanzaIdName = XName.Get("stanza-id", "urn:xmpp:sid:0");
    private static readonly XName OccupantIdName = XName.Get("occupant-id", "urn:xmpp:occupant-id:0");
    private RecentMessages _recent = null!;

    /// <summary>Raised for each correction received (not a forged one), in stream order on the client's event task.</summary>
    public event Func<MessageCorrectedEventArgs, Task>? MessageCorrected;

    /// <summary>Raised for each retraction received (not a forged one), in stream order on the client's event task.</summary>
    public event Func<MessageRetractedEventArgs, Task>? MessageRetracted;

    /// <summary>How many messages of each conversation are remembered with their sender (200 by default, at least 1).</summary>
    public int MessagesPerConversation { get; init; } = 200;

    /// <summary>How many conversations are remembered (1,000 by default, at least 1); the least recently active is forgotten first.</summary>
    public int Conversations { get; init; } = 1000;

    /// <summary>
    /// Sends a correction of a message this client sent: its new text replaces the old (XEP-0308). Correct the original
    /// each time (not a correction), with the id it was sent with.
    /// </summary>
    /// <param name="to">Where the original went: the contact, or the room's bare JID.</param>
    /// <param name="messageId">The original's id (what <see cref="XmppClient.SendAsync(Stanza, CancellationToken)"/> returned).</param>
    /// <param name="newBody">The corrected text.</param>
    /// <param name="type">The original's type: <see cref="MessageType.Chat"/>, <see cref="MessageType.Normal"/> or
    /// <see cref="MessageType.Groupchat"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The correction's own id.</returns>
    /// <exception cref="ArgumentException">An empty id, a null body or another type.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<string> CorrectAsync(Jid to, string messageId, string newBody, MessageType type = MessageType.Chat, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(newBody);
        var message = new Message(to, newBody, CheckType(type));
        message.AddPayload(ReplaceName, "id", messageId);
        return await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Retracts a message this client sent (XEP-0424): the recipients' clients stop showing it; others show the
    /// fallback text <see cref="RetractionFallbackBody"/> (marked as a fallback, XEP-0428). Archives keep what was sent.
    /// </summary>
    /// <param name="to">Where the original went: the contact, or the room's bare JID.</param>
    /// <param name="messageId">In a one-to-one chat the original's origin-id, which is its id for messages this client
    /// sent; in a room the room's stanza-id of it (<see cref="MucMessageEventArgs.StanzaId"/> of its echo).</param>
    /// <param name="type">The original's type: <see cref="MessageType.Chat"/>, <see cref="MessageType.Normal"/> or
    /// <see cref="MessageType.Groupchat"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>The retraction's own id.</returns>
    /// <exception cref="ArgumentException">An empty id or another type.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<string> RetractAsync(Jid to, string messageId, MessageType type = MessageType.Chat, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var message = new Message(to, RetractionFallbackBody, CheckType(type));
        message.AddPayload(RetractName, "id", messageId);
        message.AddPayload(FallbackName, "for", RetractNamespace);
        message.AddPayload(StoreName);
        return await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _recent = new RecentMessages(Math.Max(1, MessagesPerConversation), Math.Max(1, Conversations));
        context.AddFeature(CorrectNamespace);
        context.AddFeature(RetractNamespace);
        context.Require<MucExtension>().AddGroupchatFilter((room, message, nick) =>
            OnMessageAsync(message, room.Jid, new MessageSender(null, nick, message.GetPayloadAttribute(OccupantIdName, "id")), nick, room.Jid));
        context.OnMessage(OnDirectMessageAsync);
        context.WatchOutgoing(OnOutgoing);
    }

    private static MessageType CheckType(MessageType type) =>
        type is MessageType.Chat or MessageType.Normal or MessageType.Groupchat
            ? type
            : throw new ArgumentException("Corrections and retractions go in chat, normal or groupchat messages.", nameof(type));

    private ValueTask<bool> OnDirectMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.From is not { } from || message.Type is MessageType.Error or MessageType.Headline)
        {
            return new(false);
        }

        if (message.Type == MessageType.Groupchat)
        {
            var nick = from.Resource;
            return OnMessageAsync(message, from.Bare, new MessageSender(null, nick, message.GetPayloadAttribute(OccupantIdName, "id")), nick, from.Bare);
        }

        return OnMessageAsync(message, from.Bare, new MessageSender(from.Bare, null, null), null, null);
    }

    /// <summary>Remembers who sent a message, or checks and raises a correction or retraction.</summary>
    private async ValueTask<bool> OnMessageAsync(Message message, Jid conversation, MessageSender sender, string? nick, Jid? room)
    {
        var replaced = message.GetPayloadAttribute(ReplaceName, "id");
        var retracted = message.GetPayloadAttribute(RetractName, "id");
        var isCorrection = message.HasPayload(ReplaceName);
        if (!isCorrection && !message.HasPayload(RetractName))
        {
            if (message.Body is not null)
            {
                _recent.Add(conversation, sender, Ids(message, room));
            }

            return false;
        }

        var kind = isCorrection ? "correction" : "retraction";
        var id = isCorrection ? replaced : retracted;
        if (string.IsNullOrEmpty(id))
        {
            CorrectionsLog.WithoutId(Context.Logger, kind, message.From?.ToString() ?? string.Empty);
            return true;
        }

        var original = _recent.Find(conversation, id);
        if (original is not null && !original.IsSame(sender))
        {
            CorrectionsLog.Forged(Context.Logger, kind, id, message.From?.ToString() ?? string.Empty);
            return true;
        }

        if (isCorrection)
        {
            var args = new MessageCorrectedEventArgs(message, conversation, id, nick, original is not null);
            await Context.RaiseAsync(MessageCorrected, args, nameof(MessageCorrected)).ConfigureAwait(false);
        }
        else
        {
            var args = new MessageRetractedEventArgs(message, conversation, id, nick, original is not null);
            await Context.RaiseAsync(MessageRetracted, args, nameof(MessageRetracted)).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Remembers this client's own one-to-one messages (a room's echo tells the nick those there had).</summary>
    private void OnOutgoing(Stanza stanza)
    {
        if (stanza is Message { Body: not null, To: { } to, Type: MessageType.Chat or MessageType.Normal } message
            && !message.HasPayload(ReplaceName) && !message.HasPayload(RetractName))
        {
            var account = (Client.BoundJid ?? Client.Options.Jid).Bare;
            _recent.Add(to.Bare, new MessageSender(account, null, null), [message.Id, message.GetPayloadAttribute(OriginIdName, "id")]);
        }
    }

    private static IEnumerable<string?> Ids(Message message, Jid? room)
    {
        yield return message.Id;
        yield return message.GetPayloadAttribute(OriginIdName, "id");
        if (room is { } by)
        {
            foreach (var stanzaId in message.GetPayloads(StanzaIdName))
            {
                if (Jid.TryParse((string?)stanzaId.Attribute("by"), out var assigner) && assigner == by)
                {
                    yield return (string?)stanzaId.Attribute("id");
                }
            }
        }
    }
}
