using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Receipts;

/// <summary>The rules of XEP-0184 about which messages carry requests and which requests are answered.</summary>
internal static class ReceiptRules
{
    public const string Namespace = "urn:xmpp:receipts";

    public static readonly XName RequestName = XName.Get("request", Namespace);

    public static readonly XName ReceivedName = XName.Get("received", Namespace);

    public static bool HasRequest(Message message) => message.HasPayload(RequestName);

    /// <summary>The id a <c>&lt;received/&gt;</c> acknowledges, or <see langword="null"/> when the message is no ack.</summary>
    public static string? ReceivedId(Message message) =>
        message.HasPayload(ReceivedName) ? message.GetPayloadAttribute(ReceivedName, "id") ?? string.Empty : null;

    /// <summary>
    /// Whether to add a request to an outgoing message: a content message (with a body) of type chat or normal that
    /// has no request yet and is not itself an ack (XEP-0184 §5.4: an ack never requests, or two clients could loop).
    /// Groupchat is left out (§5.3: every occupant would answer), and so are headlines (alerts nobody answers).
    /// </summary>
    public static bool ShouldRequest(Message message) =>
        message.Type is MessageType.Chat or MessageType.Normal
        && message.Body is not null
        && !HasRequest(message)
        && !message.HasPayload(ReceivedName);

    /// <summary>
    /// Whether a received request may be answered: not an error (an error bounce echoes our own request back), not
    /// groupchat (§7: not recommended, and the answer would go to the whole room), with an id to echo and a sender to
    /// answer, and not itself an ack.
    /// </summary>
    public static bool MayAnswer(Message message) =>
        HasRequest(message)
        && message.Type is not (MessageType.Error or MessageType.Groupchat)
        && !string.IsNullOrEmpty(message.Id)
        && message.From is not null
        && !message.HasPayload(ReceivedName);

    /// <summary>The ack for <paramref name="request"/>: to its sender, of the same type, with only the <c>&lt;received/&gt;</c>.</summary>
    public static Message CreateAck(Message request)
    {
        var ack = new Message { To = request.From, Type = request.Type };
        ack.AddPayload(ReceivedName, "id", request.Id!);
        return ack;
    }
}
