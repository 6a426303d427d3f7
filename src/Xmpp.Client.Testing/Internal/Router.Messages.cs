using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

internal sealed partial class Router
{
    /// <summary>
    /// Messages (RFC 6121 §8.5, simplified). To a connected full JID: delivered. To a bare JID, or an offline full
    /// JID (not groupchat): a headline goes to every available resource with non-negative priority, chat and normal
    /// to those of them with the highest priority; when none is available, to the resources that are connected but
    /// have not sent presence yet (a bot that only connected still gets its messages); when none is connected, the
    /// sender gets service-unavailable (nothing is stored offline). Another domain: remote-server-not-found.
    /// </summary>
    private void RouteMessage(ServerSession session, XElement message, Jid to)
    {
        var type = (string?)message.Attribute("type") ?? "normal";
        if (to.Domain != Domain)
        {
            SendError(session, message, "remote-server-not-found", "cancel");
            return;
        }

        if (!to.IsBare && FindSession(to) is { } recipient)
        {
            Deliver(recipient, message);
            return;
        }

        if (type is "groupchat" or "error" || Find(to) is not { } account)
        {
            SendError(session, message, "service-unavailable", "cancel");
            return;
        }

        var available = account.AvailableSessions.Where(s => s.Priority >= 0).ToList();
        if (available.Count > 0 && type != "headline")
        {
            var highest = available.Max(s => s.Priority);
            available.RemoveAll(s => s.Priority != highest);
        }

        var targets = available.Count > 0 ? available : account.Sessions.Where(s => !s.SentPresence).ToList();
        if (targets.Count == 0)
        {
            SendError(session, message, "service-unavailable", "cancel");
            return;
        }

        foreach (var target in targets)
        {
            Deliver(target, message);
        }
    }
}
