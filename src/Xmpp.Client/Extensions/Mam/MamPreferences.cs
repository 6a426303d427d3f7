namespace Xmpp.Client.Extensions.Mam;

/// <summary>The account's archiving preferences (XEP-0313 §6): a default, and JIDs always or never archived.</summary>
/// <param name="Default">What is archived for a JID on neither list.</param>
/// <param name="Always">Bare JIDs whose messages are always archived.</param>
/// <param name="Never">Bare JIDs whose messages are never archived.</param>
public sealed record MamPreferences(MamDefaultBehavior Default, IReadOnlyList<Jid> Always, IReadOnlyList<Jid> Never);
