using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

internal sealed partial class Router
{
    /// <summary>
    /// IQs (RFC 6121 §8.5, simplified): to the server or the account itself → answered here; to a connected full JID
    /// → delivered; a request to anyone else (another account's bare JID, an offline resource) → service-unavailable,
    /// to another domain → remote-server-not-found. Results and errors nobody waits for are dropped.
    /// </summary>
    private void RouteIq(ServerSession session, XElement iq, Jid? to)
    {
        var isRequest = (string?)iq.Attribute("type") is "get" or "set";
        if (to is null || to.Value == session.Account!.Jid || to.Value == DomainJid)
        {
            if (isRequest)
            {
                AnswerIq(session, iq, toServer: to is { } target && target == DomainJid);
            }

            return;
        }

        var jid = to.Value;
        if (jid.Domain != Domain)
        {
            if (isRequest)
            {
                SendError(session, iq, "remote-server-not-found", "cancel");
            }

            return;
        }

        if (!jid.IsBare && jid.Local is not null && FindSession(jid) is { } recipient)
        {
            Deliver(recipient, iq);
        }
        else if (isRequest)
        {
            SendError(session, iq, "service-unavailable", "cancel");
        }
    }

    private void AnswerIq(ServerSession session, XElement iq, bool toServer)
    {
        var query = iq.Elements().FirstOrDefault();
        var get = (string?)iq.Attribute("type") == "get";
        if (query?.Name == Ns.Roster + "query")
        {
            if (get)
            {
                RosterGet(session, iq);
            }
            else
            {
                RosterSet(session, iq, query);
            }

            return;
        }

        if (get && query?.Name == Ns.Ping + "ping")
        {
            session.Send(Result(session, iq));
            return;
        }

        if (get && toServer && query?.Name == Ns.DiscoInfo + "query" && query.Attribute("node") is null)
        {
            session.Send(Result(session, iq, new XElement(Ns.DiscoInfo + "query",
                new XElement(Ns.DiscoInfo + "identity", new XAttribute("category", "server"), new XAttribute("type", "im"),
                    new XAttribute("name", "Xmpp.Client.Testing in-memory server")),
                new XElement(Ns.DiscoInfo + "feature", new XAttribute("var", Ns.DiscoInfo.NamespaceName)),
                new XElement(Ns.DiscoInfo + "feature", new XAttribute("var", Ns.DiscoItems.NamespaceName)),
                new XElement(Ns.DiscoInfo + "feature", new XAttribute("var", Ns.Ping.NamespaceName)))));
            return;
        }

        if (get && toServer && query?.Name == Ns.DiscoItems + "query" && query.Attribute("node") is null)
        {
            session.Send(Result(session, iq, new XElement(Ns.DiscoItems + "query")));
            return;
        }

        SendError(session, iq, "service-unavailable", "cancel");
    }

    /// <summary>A result to <paramref name="iq"/> from whom it was addressed to.</summary>
    private static XElement Result(ServerSession session, XElement iq, XElement? payload = null)
    {
        var result = new XElement(Ns.Client + "iq",
            new XAttribute("type", "result"),
            new XAttribute("id", (string?)iq.Attribute("id") ?? string.Empty),
            new XAttribute("to", session.FullJid.ToString()),
            payload);
        if ((string?)iq.Attribute("to") is { } to)
        {
            result.SetAttributeValue("from", to);
        }

        return result;
    }
}
