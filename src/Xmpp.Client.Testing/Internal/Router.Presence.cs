using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

internal sealed partial class Router
{
    /// <summary>
    /// Presence (RFC 6121 §4–§5): without 'to', broadcast to the contacts subscribed to the account and the account's
    /// own available resources; the first one also fetches the presence of the contacts the account is subscribed to
    /// (the probes a real server sends) and delivers subscription requests that waited. With 'to': subscriptions,
    /// probes, or directed presence to a full JID or a bare JID's available resources.
    /// </summary>
    private void RoutePresence(ServerSession session, XElement presence, Jid? to)
    {
        var type = (string?)presence.Attribute("type");
        if (to is null)
        {
            if (type is null or "unavailable")
            {
                Broadcast(session, presence, available: type is null);
            }

            return;
        }

        var jid = to.Value;
        switch (type)
        {
            case "subscribe" or "subscribed" or "unsubscribe" or "unsubscribed":
                Subscribe(session.Account!, jid.Bare, type);
                return;
            case "probe":
                Probe(session, jid.Bare);
                return;
        }

        if (jid.Domain != Domain)
        {
            return;
        }

        if (!jid.IsBare)
        {
            if (FindSession(jid) is { } recipient)
            {
                Deliver(recipient, presence);
            }

            return;
        }

        foreach (var recipient in Find(jid)?.AvailableSessions ?? [])
        {
            Deliver(recipient, presence);
        }
    }

    private void Broadcast(ServerSession session, XElement presence, bool available)
    {
        var initial = available && !session.Available;
        if (!available && !session.Available)
        {
            session.SentPresence = true;
            return;
        }

        if (available)
        {
            session.Available = true;
            session.Priority = ServerSession.ParsePriority(presence);
            session.LastPresence = new XElement(presence);
            session.LastPresence.SetAttributeValue("to", null);
        }

        session.SentPresence = true;
        BroadcastPresence(session, presence);
        if (!available)
        {
            session.Available = false;
            session.LastPresence = null;
            return;
        }

        if (!initial)
        {
            return;
        }

        var account = session.Account!;
        foreach (var item in account.Roster.Values.Where(item => item.Subscription.HasTo()))
        {
            foreach (var contact in Find(item.Jid)?.AvailableSessions ?? [])
            {
                Deliver(session, contact.LastPresence!, readdress: true);
            }
        }

        foreach (var request in account.PendingRequests.Values)
        {
            Deliver(session, request);
        }
    }

    /// <summary>Sends a session's broadcast presence to the subscribed contacts and the account's available resources.</summary>
    private void BroadcastPresence(ServerSession session, XElement presence)
    {
        var account = session.Account!;
        var recipients = account.Roster.Values
            .Where(item => item.Subscription.HasFrom())
            .SelectMany(item => Find(item.Jid)?.AvailableSessions ?? [])
            .Concat(account.AvailableSessions)
            .Distinct();
        foreach (var recipient in recipients.ToList())
        {
            Deliver(recipient, presence, readdress: true);
        }
    }

    /// <summary>Answers a probe with the contact's presence when the account is subscribed to it (RFC 6121 §4.3.2).</summary>
    private void Probe(ServerSession session, Jid contact)
    {
        if (!session.Account!.Roster.TryGetValue(contact, out var item) || !item.Subscription.HasTo())
        {
            return;
        }

        var available = Find(contact)?.AvailableSessions.ToList() ?? [];
        foreach (var resource in available)
        {
            Deliver(session, resource.LastPresence!, readdress: true);
        }

        if (available.Count == 0)
        {
            session.Send(PresenceStanza("unavailable", contact, session.FullJid));
        }
    }

    private static XElement PresenceStanza(string? type, Jid from, Jid to)
    {
        var presence = new XElement(Ns.Client + "presence", new XAttribute("from", from.ToString()), new XAttribute("to", to.ToString()));
        if (type is not null)
        {
            presence.SetAttributeValue("type", type);
        }

        return presence;
    }
}
