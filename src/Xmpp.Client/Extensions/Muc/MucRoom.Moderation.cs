using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucRoom
{
    /// <summary>Kicks an occupant out of the room (XEP-0045 §8.2; a moderator may).</summary>
    /// <param name="nick">The occupant's nickname.</param>
    /// <param name="reason">The reason shown to them and the others, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (<c>not-allowed</c>: not a moderator, or the target is
    /// an admin or owner; <c>item-not-found</c>: nobody by that nickname).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task KickAsync(string nick, string? reason = null, CancellationToken cancellationToken = default) =>
        SetRoleAsync(nick, MucRole.None, reason, cancellationToken);

    /// <summary>Gives an occupant voice in a moderated room (role participant, XEP-0045 §8.3).</summary>
    /// <param name="nick">The occupant's nickname.</param>
    /// <param name="reason">A reason, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (not a moderator, for example).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task GrantVoiceAsync(string nick, string? reason = null, CancellationToken cancellationToken = default) =>
        SetRoleAsync(nick, MucRole.Participant, reason, cancellationToken);

    /// <summary>Takes an occupant's voice away (role visitor, XEP-0045 §8.4).</summary>
    /// <param name="nick">The occupant's nickname.</param>
    /// <param name="reason">A reason, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (not a moderator, or the target outranks the caller).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task RevokeVoiceAsync(string nick, string? reason = null, CancellationToken cancellationToken = default) =>
        SetRoleAsync(nick, MucRole.Visitor, reason, cancellationToken);

    /// <summary>
    /// Changes an occupant's role (XEP-0045 §8–9): <see cref="MucRole.None"/> kicks, <see cref="MucRole.Visitor"/>
    /// revokes voice, <see cref="MucRole.Participant"/> grants it, <see cref="MucRole.Moderator"/> makes a moderator
    /// (an admin may). The room announces the change with <see cref="OccupantChanged"/> (or <see cref="OccupantLeft"/>).
    /// </summary>
    /// <param name="nick">The occupant's nickname.</param>
    /// <param name="role">The new role.</param>
    /// <param name="reason">A reason, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (<c>not-allowed</c> or <c>forbidden</c>: the client may not).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task SetRoleAsync(string nick, MucRole role, string? reason = null, CancellationToken cancellationToken = default)
    {
        ValidateNick(nick);
        return AdminSetAsync(MucXml.AdminItem("nick", nick, "role", MucXml.Format(role), reason), cancellationToken);
    }

    /// <summary>Bans a user from the room (affiliation outcast, XEP-0045 §9.1): they are removed and may not enter again.</summary>
    /// <param name="user">The user's bare JID (or a server's domain, to ban everyone from it).</param>
    /// <param name="reason">The reason, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (not an admin, or the target outranks the caller).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task BanAsync(Jid user, string? reason = null, CancellationToken cancellationToken = default) =>
        SetAffiliationAsync(user, MucAffiliation.Outcast, reason, cancellationToken);

    /// <summary>
    /// Changes a user's affiliation (XEP-0045 §9–10): <see cref="MucAffiliation.Member"/> grants membership,
    /// <see cref="MucAffiliation.Admin"/> and <see cref="MucAffiliation.Owner"/> (an owner may) make admins and owners,
    /// <see cref="MucAffiliation.Outcast"/> bans, <see cref="MucAffiliation.None"/> revokes any of them.
    /// </summary>
    /// <param name="user">The user's bare JID (not an occupant JID: affiliations outlive visits).</param>
    /// <param name="affiliation">The new affiliation.</param>
    /// <param name="reason">A reason, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room did it.</returns>
    /// <exception cref="ArgumentException"><paramref name="user"/> is empty.</exception>
    /// <exception cref="XmppIqErrorException">The room refused (<c>not-allowed</c>/<c>forbidden</c>; <c>conflict</c>
    /// when it would leave the room without an owner).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public Task SetAffiliationAsync(Jid user, MucAffiliation affiliation, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (user.IsEmpty)
        {
            throw new ArgumentException("Give the user's JID.", nameof(user));
        }

        return AdminSetAsync(MucXml.AdminItem("jid", user.Bare.ToString(), "affiliation", MucXml.Format(affiliation), reason), cancellationToken);
    }

    /// <summary>
    /// Reads one of the room's affiliation lists (XEP-0045 §9.5 members, §9.2 outcasts, §10.5 owners, §10.8 admins);
    /// only admins and owners may read most of them.
    /// </summary>
    /// <param name="affiliation">Which list (not <see cref="MucAffiliation.None"/>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="affiliation"/> is <see cref="MucAffiliation.None"/>.</exception>
    /// <exception cref="XmppIqErrorException">The room refused (<c>forbidden</c>: the client may not see the list).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public async Task<IReadOnlyList<MucAffiliate>> GetAffiliatesAsync(MucAffiliation affiliation, CancellationToken cancellationToken = default)
    {
        if (affiliation == MucAffiliation.None)
        {
            throw new ArgumentOutOfRangeException(nameof(affiliation), affiliation, "Ask for members, admins, owners or outcasts.");
        }

        var query = new XElement(MucNamespaces.AdminQuery,
            new XElement(XName.Get("item", MucNamespaces.Admin), new XAttribute("affiliation", MucXml.Format(affiliation))));
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, query) { To = Jid }, cancellationToken).ConfigureAwait(false);
        var list = new List<MucAffiliate>();
        foreach (var item in reply.Payload?.Elements(XName.Get("item", MucNamespaces.Admin)) ?? [])
        {
            if (Jid.TryParse((string?)item.Attribute("jid"), out var jid))
            {
                var nick = (string?)item.Attribute("nick");
                var text = item.Element(XName.Get("reason", MucNamespaces.Admin))?.Value;
                list.Add(new MucAffiliate(jid, MucXml.ParseAffiliation((string?)item.Attribute("affiliation") ?? MucXml.Format(affiliation)),
                    string.IsNullOrEmpty(nick) ? null : nick, string.IsNullOrEmpty(text) ? null : text));
            }
        }

        return list;
    }

    /// <summary>
    /// Invites someone to the room: through the room (mediated, XEP-0045 §7.8.2: the room tells them, and passes a
    /// decline back as <see cref="InvitationDeclined"/>) or directly (XEP-0249: a message from the client to them, with the
    /// room's password if the client joined with one).
    /// </summary>
    /// <param name="invitee">Whom to invite (a bare JID, or a full JID for one device).</param>
    /// <param name="reason">A few words for them, if any.</param>
    /// <param name="direct">Whether to send a direct invitation rather than one through the room.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>Completes when sent.</returns>
    /// <exception cref="InvalidOperationException">The client is not in the room (a mediated invitation needs it), or not connected.</exception>
    public async Task InviteAsync(Jid invitee, string? reason = null, bool direct = false, CancellationToken cancellationToken = default)
    {
        if (invitee.IsEmpty)
        {
            throw new ArgumentException("Give the invitee's JID.", nameof(invitee));
        }

        Message message;
        if (direct)
        {
            var x = new XElement(MucNamespaces.ConferenceX, new XAttribute("jid", Jid.ToString()));
            if (reason is not null)
            {
                x.SetAttributeValue("reason", reason);
            }

            if (_options.Password is { } password && _view.State == MucRoomState.Joined)
            {
                x.SetAttributeValue("password", password);
            }

            message = new Message { To = invitee, Type = MessageType.Normal };
            message.AddPayload(x);
        }
        else
        {
            RequireJoined();
            var invite = new XElement(XName.Get("invite", MucNamespaces.User), new XAttribute("to", invitee.ToString()));
            if (reason is not null)
            {
                invite.Add(new XElement(XName.Get("reason", MucNamespaces.User), reason));
            }

            message = new Message { To = Jid, Type = MessageType.Normal };
            message.AddPayload(new XElement(MucNamespaces.UserX, invite));
        }

        await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Destroys the room (XEP-0045 §10.9; an owner may): everyone is removed with the reason and the alternate room,
    /// and <see cref="Left"/> is raised with <see cref="MucLeaveReason.RoomDestroyed"/>.
    /// </summary>
    /// <param name="reason">Why, for the occupants; optional.</param>
    /// <param name="alternateRoom">A room to go to instead, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Completes when the room is gone.</returns>
    /// <exception cref="XmppIqErrorException">The room refused (<c>forbidden</c>: not an owner).</exception>
    /// <exception cref="XmppTimeoutException">The room did not answer in time.</exception>
    public async Task DestroyAsync(string? reason = null, Jid? alternateRoom = null, CancellationToken cancellationToken = default)
    {
        var destroy = new XElement(XName.Get("destroy", MucNamespaces.Owner));
        if (alternateRoom is { IsEmpty: false } alternate)
        {
            destroy.SetAttributeValue("jid", alternate.ToString());
        }

        if (reason is not null)
        {
            destroy.Add(new XElement(XName.Get("reason", MucNamespaces.Owner), reason));
        }

        lock (_gate)
        {
            _wanted = false;
            StopRejoining();
        }

        await Client.SendIqAsync(new Iq(IqType.Set, new XElement(MucNamespaces.OwnerQuery, destroy)) { To = Jid }, cancellationToken).ConfigureAwait(false);
    }

    private async Task AdminSetAsync(XElement item, CancellationToken cancellationToken) =>
        await Client.SendIqAsync(new Iq(IqType.Set, new XElement(MucNamespaces.AdminQuery, item)) { To = Jid }, cancellationToken).ConfigureAwait(false);
}
