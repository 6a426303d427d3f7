namespace Xmpp.Client.Extensions.Muc;

/// <summary>An invitation to a room: mediated by the room (XEP-0045 §7.8.2) or sent directly by the inviter (XEP-0249).</summary>
/// <param name="Room">The room.</param>
/// <param name="Inviter">Who invites, when known (a mediated invitation names them; a direct one comes from them).</param>
/// <param name="Reason">The inviter's words, if any.</param>
/// <param name="Password">The room's password, when the invitation gives it.</param>
/// <param name="IsDirect">Whether it came straight from the inviter (XEP-0249) rather than through the room.</param>
public sealed record MucInvitation(Jid Room, Jid? Inviter, string? Reason, string? Password, bool IsDirect);
