namespace Xmpp.Client.Extensions.Muc;

/// <summary>An entry of a room's affiliation list (members, admins, owners, outcasts; XEP-0045 §9.5, §10.5).</summary>
/// <param name="Jid">The user (a bare JID, or a domain for a server-wide ban).</param>
/// <param name="Affiliation">Their affiliation.</param>
/// <param name="Nick">Their reserved nickname, if the room keeps one.</param>
/// <param name="Reason">The reason recorded, if any.</param>
public sealed record MucAffiliate(Jid Jid, MucAffiliation Affiliation, string? Nick, string? Reason);
