using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Receipts;

/// <summary>A delivery receipt (XEP-0184): <see cref="From"/> says its client received the message <see cref="MessageId"/>.</summary>
/// <param name="From">Who sent the receipt (usually the full JID of the client that got the message).</param>
/// <param name="MessageId">The id of the message being acknowledged.</param>
/// <param name="Message">The ack message itself.</param>
public sealed record DeliveryReceipt(Jid From, string MessageId, Message Message);
