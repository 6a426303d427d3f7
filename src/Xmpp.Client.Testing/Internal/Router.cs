using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Testing.Internal;

/// <summary>
/// The in-memory server's state and routing (RFC 6120 §10, RFC 6121 §8, simplified): accounts, sessions, rosters.
/// Everything happens under one lock; sending only queues to the sessions' outboxes, so nothing blocks under it.
/// </summary>
internal sealed partial class Router
{
    /// <summary>How many stanzas of each account <see cref="SentBy"/> keeps (the oldest are dropped).</summary>
    public const int MaxLoggedStanzas = 10_000;

    /// <summary>How many contacts an account's roster holds.</summary>
    public const int MaxRosterItems = 1_000;

    private readonly object _gate = new();
    private readonly Dictionary<Jid, Account> _accounts = [];
    private readonly ILogger _logger;
    private long _nextId;

    public Router(string domain, ILogger logger)
    {
        Domain = domain;
        DomainJid = new Jid(null, domain);
        _logger = logger;
    }

    public string Domain { get; }

    public Jid DomainJid { get; }

    /// <summary>Adds an account; <see langword="false"/> when it exists already.</summary>
    public bool TryAddAccount(Jid bare, string password)
    {
        lock (_gate)
        {
            return _accounts.TryAdd(bare, new Account(bare, password));
        }
    }

    public string? PasswordOf(Jid bare)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(bare, out var account) ? account.Password : null;
        }
    }

    public Account? Authenticate(string user, string password)
    {
        if (!Jid.TryParse(user + "@" + Domain, out var jid))
        {
            return null;
        }

        lock (_gate)
        {
            return _accounts.TryGetValue(jid, out var account) && account.Password == password ? account : null;
        }
    }

    /// <summary>Registers a bound session; a resource already in use gets a suffix (RFC 6120 §7.7.2.2).</summary>
    public Jid Bind(ServerSession session, Account account, string? requested)
    {
        lock (_gate)
        {
            var resource = requested ?? "r" + NextId();
            var jid = TryWithResource(account.Jid, resource) ?? account.Jid.WithResource("r" + NextId());
            while (account.Sessions.Any(other => other.FullJid == jid))
            {
                jid = account.Jid.WithResource(resource + "-" + NextId());
            }

            account.Sessions.Add(session);
            return jid;
        }
    }

    public void Unregister(ServerSession session)
    {
        lock (_gate)
        {
            if (session.Account is not { } account || !account.Sessions.Remove(session))
            {
                return;
            }

            if (session.Available)
            {
                var unavailable = new XElement(Ns.Client + "presence", new XAttribute("type", "unavailable"));
                unavailable.SetAttributeValue("from", session.FullJid.ToString());
                BroadcastPresence(session, unavailable);
                session.Available = false;
            }
        }

        Log.Unbound(_logger, session.FullJid);
    }

    /// <summary>Routes a stanza from a bound session: stamps 'from', logs it for <see cref="SentBy"/>, delivers or answers it.</summary>
    public void Route(ServerSession session, XElement stanza)
    {
        stanza.SetAttributeValue("from", session.FullJid.ToString());
        Log.Received(_logger, session.FullJid, stanza);

        var to = (string?)stanza.Attribute("to");
        Jid? target = null;
        if (to is not null)
        {
            if (!Jid.TryParse(to, out var parsed))
            {
                lock (_gate)
                {
                    Record(session.Account!, stanza);
                    SendError(session, stanza, "jid-malformed", "modify");
                }

                return;
            }

            target = parsed;
        }

        lock (_gate)
        {
            Record(session.Account!, stanza);
            switch (stanza.Name.LocalName)
            {
                case "iq":
                    RouteIq(session, stanza, target);
                    break;
                case "message":
                    RouteMessage(session, stanza, target ?? session.Account!.Jid);
                    break;
                default:
                    RoutePresence(session, stanza, target);
                    break;
            }
        }
    }

    public IReadOnlyList<XElement> SentBy(Jid bare)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(bare, out var account)
                ? account.Sent.Select(stanza => new XElement(stanza)).ToList()
                : throw new ArgumentException($"There is no account {bare}.", nameof(bare));
        }
    }

    public List<ServerSession> AllSessions()
    {
        lock (_gate)
        {
            return _accounts.Values.SelectMany(account => account.Sessions).ToList();
        }
    }

    /// <summary>Makes two accounts subscribed to each other's presence (subscription 'both' on both sides).</summary>
    public void Befriend(Jid first, Jid second)
    {
        lock (_gate)
        {
            var a = Find(first) ?? throw new ArgumentException($"There is no account {first}.", nameof(first));
            var b = Find(second) ?? throw new ArgumentException($"There is no account {second}.", nameof(second));
            foreach (var (owner, contact) in new[] { (a, b), (b, a) })
            {
                var item = owner.GetOrAddItem(contact.Jid);
                item.Subscription = Subscription.Both;
                item.Asking = false;
                owner.PendingRequests.Remove(contact.Jid);
                Push(owner, item);
            }
        }
    }

    /// <summary>The subscription state of <paramref name="contact"/> in <paramref name="owner"/>'s roster, as on the wire, or null.</summary>
    public string? SubscriptionOf(Jid owner, Jid contact)
    {
        lock (_gate)
        {
            return Find(owner) is { } account && account.Roster.TryGetValue(contact, out var item) ? item.Subscription.ToWire() : null;
        }
    }

    public int SessionCount(Jid bare)
    {
        lock (_gate)
        {
            return Find(bare)?.Sessions.Count ?? 0;
        }
    }

    private Account? Find(Jid jid) => jid.Domain == Domain && jid.Local is not null && _accounts.TryGetValue(jid.Bare, out var account) ? account : null;

    private ServerSession? FindSession(Jid full) => Find(full)?.Sessions.FirstOrDefault(session => session.FullJid == full);

    private static void Record(Account account, XElement stanza)
    {
        account.Sent.Enqueue(new XElement(stanza));
        while (account.Sent.Count > MaxLoggedStanzas)
        {
            account.Sent.Dequeue();
        }
    }

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private static Jid? TryWithResource(Jid bare, string resource) =>
        Jid.TryParse(bare + "/" + resource, out var full) ? full : null;

    /// <summary>Sends a copy of <paramref name="stanza"/> to <paramref name="recipient"/>, addressed to its full JID when asked.</summary>
    private static void Deliver(ServerSession recipient, XElement stanza, bool readdress = false)
    {
        var copy = new XElement(stanza);
        if (readdress)
        {
            copy.SetAttributeValue("to", recipient.FullJid.ToString());
        }

        recipient.Send(copy);
    }

    /// <summary>Answers a stanza with an error from its recipient (never an error to an error: RFC 6120 §8.3.1).</summary>
    private void SendError(ServerSession session, XElement stanza, string condition, string type)
    {
        if ((string?)stanza.Attribute("type") == "error")
        {
            return;
        }

        var error = new XElement(stanza.Name,
            new XAttribute("type", "error"),
            new XAttribute("from", (string?)stanza.Attribute("to") ?? Domain),
            new XAttribute("to", session.FullJid.ToString()),
            new XElement(Ns.Client + "error", new XAttribute("type", type), new XElement(Ns.Stanzas + condition)));
        if ((string?)stanza.Attribute("id") is { } id)
        {
            error.SetAttributeValue("id", id);
        }

        session.Send(error);
    }
}
