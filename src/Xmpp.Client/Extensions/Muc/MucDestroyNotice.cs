namespace Xmpp.Client.Extensions.Muc;

/// <summary>A room's owner destroyed it (XEP-0045 §10.9).</summary>
/// <param name="AlternateRoom">The room the owner suggests instead, if any.</param>
/// <param name="Reason">The owner's reason, if given.</param>
public sealed record MucDestroyNotice(Jid? AlternateRoom, string? Reason);
