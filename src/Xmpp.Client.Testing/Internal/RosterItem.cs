using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

/// <summary>A contact in an account's roster.</summary>
internal sealed class RosterItem
{
    public RosterItem(Jid jid)
    {
        Jid = jid;
    }

    /// <summary>The contact's bare JID.</summary>
    public Jid Jid { get; }

    public string? Name { get; set; }

    public List<string> Groups { get; } = [];

    public Subscription Subscription { get; set; }

    /// <summary>Whether the account asked to subscribe to the contact and has no answer yet (<c>ask='subscribe'</c>).</summary>
    public bool Asking { get; set; }

    /// <summary>The item as the server sends it (in a roster result or push).</summary>
    public XElement ToXml(bool removed = false)
    {
        var item = new XElement(Ns.Roster + "item", new XAttribute("jid", Jid.ToString()));
        if (removed)
        {
            item.Add(new XAttribute("subscription", "remove"));
            return item;
        }

        item.Add(new XAttribute("subscription", Subscription.ToWire()));
        if (Name is not null)
        {
            item.Add(new XAttribute("name", Name));
        }

        if (Asking)
        {
            item.Add(new XAttribute("ask", "subscribe"));
        }

        item.Add(Groups.Select(group => new XElement(Ns.Roster + "group", group)));
        return item;
    }
}
