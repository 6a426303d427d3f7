using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>Reading invitations: mediated (XEP-0045 §7.8.2) and direct (XEP-0249).</summary>
internal static class MucInvitations
{
    public static readonly XName InviteName = XName.Get("invite", MucNamespaces.User);

    /// <summary>A mediated invitation in a message from the room's bare JID <paramref name="room"/>, or <see langword="null"/>.</summary>
    public static MucInvitation? ReadMediated(Message message, Jid room)
    {
        var x = message.GetPayload(MucNamespaces.UserX);
        if (x?.Element(InviteName) is not { } invite)
        {
            return null;
        }

        Jid? inviter = Jid.TryParse((string?)invite.Attribute("from"), out var from) ? from : null;
        return new MucInvitation(room, inviter, Text(invite.Element(XName.Get("reason", MucNamespaces.User))?.Value),
            Text(x.Element(XName.Get("password", MucNamespaces.User))?.Value), IsDirect: false);
    }

    /// <summary>A direct invitation, or <see langword="null"/> when its room JID is missing or not a room's.</summary>
    public static MucInvitation? ReadDirect(Message message, Jid? from)
    {
        var x = message.GetPayload(MucNamespaces.ConferenceX);
        if (!Jid.TryParse((string?)x?.Attribute("jid"), out var room) || !room.IsBare || room.Local is null)
        {
            return null;
        }

        return new MucInvitation(room, from, Text((string?)x!.Attribute("reason")), Text((string?)x.Attribute("password")), IsDirect: true);
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
