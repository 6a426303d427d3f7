using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

internal sealed partial class Router
{
    /// <summary>Answers a roster get (RFC 6121 §2.1.3) and makes the session interested in pushes.</summary>
    private static void RosterGet(ServerSession session, XElement iq)
    {
        session.Interested = true;
        var account = session.Account!;
        session.Send(Result(session, iq, new XElement(Ns.Roster + "query", account.Roster.Values.Select(item => item.ToXml()))));
    }

    /// <summary>Adds, updates or removes one roster item (RFC 6121 §2.3–§2.5) and pushes the change.</summary>
    private void RosterSet(ServerSession session, XElement iq, XElement query)
    {
        var account = session.Account!;
        var items = query.Elements(Ns.Roster + "item").ToList();
        if (items.Count != 1 || !Jid.TryParse((string?)items[0].Attribute("jid"), out var parsed) || parsed.Bare == account.Jid)
        {
            SendError(session, iq, "bad-request", "modify");
            return;
        }

        var element = items[0];
        var contact = parsed.Bare;
        if ((string?)element.Attribute("subscription") == "remove")
        {
            if (account.Roster.Remove(contact, out var removed))
            {
                var other = Find(contact);
                if (removed.Subscription.HasTo() || removed.Asking)
                {
                    account.Roster[contact] = removed;
                    CancelSubscription(account, contact, other);
                }

                if (removed.Subscription.HasFrom() || account.PendingRequests.ContainsKey(contact))
                {
                    account.Roster[contact] = removed;
                    RevokeSubscription(account, contact, other);
                }

                account.Roster.Remove(contact);
                Push(account, removed, removed: true);
            }

            session.Send(Result(session, iq));
            return;
        }

        if (!account.Roster.ContainsKey(contact) && account.Roster.Count >= MaxRosterItems)
        {
            SendError(session, iq, "resource-constraint", "wait");
            return;
        }

        var item = account.GetOrAddItem(contact);
        item.Name = (string?)element.Attribute("name");
        item.Groups.Clear();
        item.Groups.AddRange(element.Elements(Ns.Roster + "group").Select(group => group.Value).Distinct().Take(100));
        session.Send(Result(session, iq));
        Push(account, item);
    }

    /// <summary>Sends a roster push to the account's interested resources (RFC 6121 §2.1.6).</summary>
    private void Push(Account account, RosterItem item, bool removed = false)
    {
        foreach (var session in account.Sessions.Where(session => session.Interested))
        {
            session.Send(new XElement(Ns.Client + "iq",
                new XAttribute("type", "set"),
                new XAttribute("id", "push" + NextId()),
                new XAttribute("to", session.FullJid.ToString()),
                new XElement(Ns.Roster + "query", item.ToXml(removed))));
        }
    }
}
