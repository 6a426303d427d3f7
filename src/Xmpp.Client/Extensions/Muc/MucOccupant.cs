using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>Someone in a room, as their last presence there described them: an immutable snapshot.</summary>
/// <param name="Jid">The occupant's JID in the room: <c>room@service/nick</c>.</param>
/// <param name="Role">Their role.</param>
/// <param name="Affiliation">Their affiliation.</param>
/// <param name="RealJid">Their real JID, when the room shows it (non-anonymous rooms, or to moderators).</param>
/// <param name="Show">Their availability.</param>
/// <param name="Status">Their status text.</param>
public sealed record MucOccupant(Jid Jid, MucRole Role, MucAffiliation Affiliation, Jid? RealJid, PresenceShow Show, string? Status)
{
    /// <summary>The occupant's nickname in the room (the resource of <see cref="Jid"/>).</summary>
    public string Nick => Jid.Resource ?? string.Empty;

    /// <summary>Whether they may speak (a moderated room gives visitors no voice).</summary>
    public bool HasVoice => Role is MucRole.Participant or MucRole.Moderator;

    internal static MucOccupant From(Jid jid, Presence presence, MucUserData data) =>
        new(jid, data.Role, data.Affiliation, data.RealJid, presence.Show, presence.Status);
}
