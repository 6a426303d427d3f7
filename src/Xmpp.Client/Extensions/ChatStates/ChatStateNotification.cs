using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>A chat state received from a conversation partner (XEP-0085).</summary>
/// <param name="From">Who sent it (in a room: the occupant's room JID).</param>
/// <param name="State">The partner's state.</param>
/// <param name="Message">The message that carried it: a standalone notification, or a message with a body.</param>
public sealed record ChatStateNotification(Jid From, ChatState State, Message Message);
