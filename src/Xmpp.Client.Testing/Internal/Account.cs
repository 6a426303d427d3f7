using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

/// <summary>An account of the in-memory server: credentials, roster, sessions, and what it sent. Guarded by the router's lock.</summary>
internal sealed class Account
{
    public Account(Jid jid, string password)
    {
        Jid = jid;
        Password = password;
    }

    /// <summary>The account's bare JID.</summary>
    public Jid Jid { get; }

    public string Password { get; }

    public Dictionary<Jid, RosterItem> Roster { get; } = [];

    /// <summary>Subscription requests from other accounts not yet answered, by requester, as they were sent.</summary>
    public Dictionary<Jid, XElement> PendingRequests { get; } = [];

    public List<ServerSession> Sessions { get; } = [];

    /// <summary>Every stanza the account's sessions sent, oldest first, as the server stamped it.</summary>
    public Queue<XElement> Sent { get; } = new();

    public RosterItem GetOrAddItem(Jid contact)
    {
        if (!Roster.TryGetValue(contact, out var item))
        {
            item = new RosterItem(contact);
            Roster[contact] = item;
        }

        return item;
    }

    public IEnumerable<ServerSession> AvailableSessions => Sessions.Where(session => session.Available);
}
