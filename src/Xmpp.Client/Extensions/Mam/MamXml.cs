using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Delay;
using Xmpp.Client.Extensions.Mam.Rsm;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Mam;

/// <summary>The elements of XEP-0313 (<c>urn:xmpp:mam:2</c>) and the forwarded messages they carry (XEP-0297).</summary>
internal static class MamXml
{
    public const string Namespace = "urn:xmpp:mam:2";
    public const string ForwardNamespace = "urn:xmpp:forward:0";
    private const string ClientNamespace = "jabber:client";

    public static readonly XName QueryName = XName.Get("query", Namespace);
    public static readonly XName ResultName = XName.Get("result", Namespace);
    public static readonly XName FinName = XName.Get("fin", Namespace);
    public static readonly XName PrefsName = XName.Get("prefs", Namespace);
    private static readonly XName ForwardedName = XName.Get("forwarded", ForwardNamespace);
    private static readonly XName ClientMessage = XName.Get("message", ClientNamespace);

    /// <summary>The query for one page.</summary>
    public static XElement Query(string queryId, MamQuery query, int max, string? cursor)
    {
        var form = new DataForm(DataFormType.Submit, Namespace);
        if (query.With is { } with)
        {
            form.SetValue("with", with.ToString());
        }

        if (query.Start is { } start)
        {
            form.SetValue("start", XmppDateTime.Format(start));
        }

        if (query.End is { } end)
        {
            form.SetValue("end", XmppDateTime.Format(end));
        }

        var set = query.Backward
            ? ResultSet.Request(max, null, backward: true, cursor ?? query.Before)
            : ResultSet.Request(max, cursor ?? query.After, backward: false, null);
        return new XElement(QueryName, new XAttribute("queryid", queryId), form.ToXElement(), set);
    }

    /// <summary>Reads a <c>&lt;result/&gt;</c>: its queryid, id, and the forwarded message with its stamp; an error text otherwise.</summary>
    public static (string QueryId, string Id, Message Message, DateTimeOffset? Stamp)? ReadResult(XElement result, out string? problem)
    {
        problem = null;
        var queryId = (string?)result.Attribute("queryid") ?? string.Empty;
        var id = (string?)result.Attribute("id");
        var forwarded = result.Element(ForwardedName);
        var inner = forwarded?.Element(ClientMessage);
        if (id is not { Length: > 0 } || inner is null)
        {
            problem = id is not { Length: > 0 } ? "no id" : "no forwarded message";
            return null;
        }

        DateTimeOffset? stamp = forwarded!.Element(Delay.Delay.ElementName) is { } delay && Delay.Delay.TryRead(delay) is { } read ? read.Stamp : null;
        return (queryId, id, ToMessage(inner), stamp);
    }

    /// <summary>Builds a <see cref="Message"/> from a forwarded <c>&lt;message/&gt;</c> element (an invalid address is left out).</summary>
    public static Message ToMessage(XElement element) => Common.ForwardedMessages.ToMessage(element, rejectInvalidJids: false)!;

    public static XElement Prefs(MamPreferences preferences) =>
        new(PrefsName,
            new XAttribute("default", preferences.Default switch
            {
                MamDefaultBehavior.Always => "always",
                MamDefaultBehavior.Never => "never",
                _ => "roster",
            }),
            new XElement(PrefsName.Namespace + "always", preferences.Always.Select(jid => new XElement(PrefsName.Namespace + "jid", jid.ToString()))),
            new XElement(PrefsName.Namespace + "never", preferences.Never.Select(jid => new XElement(PrefsName.Namespace + "jid", jid.ToString()))));

    public static MamPreferences ReadPrefs(XElement prefs)
    {
        var behavior = (string?)prefs.Attribute("default") switch
        {
            "always" => MamDefaultBehavior.Always,
            "never" => MamDefaultBehavior.Never,
            "roster" => MamDefaultBehavior.Roster,
            var other => throw new FormatException($"The archive preferences have an unknown default '{other}'."),
        };
        return new MamPreferences(behavior, Jids(prefs, "always"), Jids(prefs, "never"));
    }

    private static Jid[] Jids(XElement prefs, string list) =>
    [
        .. (prefs.Element(PrefsName.Namespace + list)?.Elements(PrefsName.Namespace + "jid") ?? [])
            .Select(element => Jid.TryParse(element.Value.Trim(), out var jid) ? jid : default)
            .Where(jid => !jid.IsEmpty),
    ];
}
