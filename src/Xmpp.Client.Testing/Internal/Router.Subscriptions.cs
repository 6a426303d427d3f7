namespace Xmpp.Client.Testing.Internal;

internal sealed partial class Router
{
    /// <summary>
    /// Presence subscriptions between accounts (RFC 6121 §3): the rosters of both sides change, each change is pushed
    /// to the interested resources, the stanza goes to the other side's available resources (a request waits for one
    /// to come online), and an approval or cancellation sends the presence that follows from it.
    /// </summary>
    private void Subscribe(Account sender, Jid contact, string type)
    {
        if (contact == sender.Jid || (!sender.Roster.ContainsKey(contact) && sender.Roster.Count >= MaxRosterItems))
        {
            return;
        }

        var other = Find(contact);
        switch (type)
        {
            case "subscribe":
                RequestSubscription(sender, contact, other);
                break;
            case "subscribed":
                if (other is not null)
                {
                    Approve(sender, other);
                }

                break;
            case "unsubscribe":
                CancelSubscription(sender, contact, other);
                break;
            default:
                RevokeSubscription(sender, contact, other);
                break;
        }
    }

    private void RequestSubscription(Account user, Jid contact, Account? other)
    {
        if (other is not null && other.Roster.TryGetValue(user.Jid, out var theirs) && theirs.Subscription.HasFrom())
        {
            // Already approved: the server answers for the contact (RFC 6121 §3.1.3).
            Approve(other, user, force: true);
            return;
        }

        var item = user.GetOrAddItem(contact);
        if (!item.Subscription.HasTo() && !item.Asking)
        {
            item.Asking = true;
            Push(user, item);
        }

        if (other is null)
        {
            return;
        }

        var request = PresenceStanza("subscribe", user.Jid, other.Jid);
        other.PendingRequests[user.Jid] = request;
        foreach (var session in other.AvailableSessions)
        {
            Deliver(session, request);
        }
    }

    /// <summary><paramref name="contact"/> lets <paramref name="user"/> see its presence.</summary>
    private void Approve(Account contact, Account user, bool force = false)
    {
        var asked = contact.PendingRequests.Remove(user.Jid)
                    || (user.Roster.TryGetValue(contact.Jid, out var asking) && asking.Asking);
        if (!asked && !force)
        {
            return;
        }

        var theirs = contact.GetOrAddItem(user.Jid);
        if (!theirs.Subscription.HasFrom())
        {
            theirs.Subscription = theirs.Subscription.WithFrom();
            Push(contact, theirs);
        }

        var item = user.GetOrAddItem(contact.Jid);
        if (!item.Subscription.HasTo() || item.Asking)
        {
            item.Subscription = item.Subscription.WithTo();
            item.Asking = false;
            Push(user, item);
        }

        var subscribed = PresenceStanza("subscribed", contact.Jid, user.Jid);
        var watchers = user.AvailableSessions.ToList();
        foreach (var session in watchers)
        {
            Deliver(session, subscribed);
            foreach (var resource in contact.AvailableSessions)
            {
                Deliver(session, resource.LastPresence!, readdress: true);
            }
        }
    }

    /// <summary><paramref name="user"/> no longer wants the presence of <paramref name="contact"/>.</summary>
    private void CancelSubscription(Account user, Jid contact, Account? other)
    {
        if (user.Roster.TryGetValue(contact, out var item) && (item.Subscription.HasTo() || item.Asking))
        {
            item.Subscription = item.Subscription.WithoutTo();
            item.Asking = false;
            Push(user, item);
        }

        if (other is null)
        {
            return;
        }

        other.PendingRequests.Remove(user.Jid);
        if (other.Roster.TryGetValue(user.Jid, out var theirs) && theirs.Subscription.HasFrom())
        {
            theirs.Subscription = theirs.Subscription.WithoutFrom();
            Push(other, theirs);
        }

        var stanza = PresenceStanza("unsubscribe", user.Jid, other.Jid);
        foreach (var session in other.AvailableSessions)
        {
            Deliver(session, stanza);
        }

        SendUnavailable(from: other, to: user);
    }

    /// <summary><paramref name="contact"/> stops (or refuses) showing its presence to <paramref name="user"/>.</summary>
    private void RevokeSubscription(Account contact, Jid user, Account? other)
    {
        var pending = contact.PendingRequests.Remove(user);
        if (contact.Roster.TryGetValue(user, out var theirs) && theirs.Subscription.HasFrom())
        {
            theirs.Subscription = theirs.Subscription.WithoutFrom();
            Push(contact, theirs);
        }
        else if (!pending && other?.Roster.GetValueOrDefault(contact.Jid) is not { Asking: true })
        {
            return;
        }

        if (other is null)
        {
            return;
        }

        if (other.Roster.TryGetValue(contact.Jid, out var item))
        {
            item.Subscription = item.Subscription.WithoutTo();
            item.Asking = false;
            Push(other, item);
        }

        var stanza = PresenceStanza("unsubscribed", contact.Jid, other.Jid);
        foreach (var session in other.AvailableSessions)
        {
            Deliver(session, stanza);
        }

        SendUnavailable(from: contact, to: other);
    }

    /// <summary>Tells the available resources of <paramref name="to"/> that those of <paramref name="from"/> went away.</summary>
    private static void SendUnavailable(Account from, Account to)
    {
        foreach (var resource in from.AvailableSessions)
        {
            foreach (var session in to.AvailableSessions)
            {
                session.Send(PresenceStanza("unavailable", resource.FullJid, session.FullJid));
            }
        }
    }
}
