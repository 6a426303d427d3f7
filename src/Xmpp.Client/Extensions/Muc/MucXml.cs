using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>Reading and writing the values and elements of XEP-0045.</summary>
internal static class MucXml
{
    public static MucRole ParseRole(string? value) => value switch
    {
        "moderator" => MucRole.Moderator,
        "participant" => MucRole.Participant,
        "visitor" => MucRole.Visitor,
        _ => MucRole.None,
    };

    public static MucAffiliation ParseAffiliation(string? value) => value switch
    {
        "owner" => MucAffiliation.Owner,
        "admin" => MucAffiliation.Admin,
        "member" => MucAffiliation.Member,
        "outcast" => MucAffiliation.Outcast,
        _ => MucAffiliation.None,
    };

    public static string Format(MucRole role) => role switch
    {
        MucRole.Moderator => "moderator",
        MucRole.Participant => "participant",
        MucRole.Visitor => "visitor",
        MucRole.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    public static string Format(MucAffiliation affiliation) => affiliation switch
    {
        MucAffiliation.Owner => "owner",
        MucAffiliation.Admin => "admin",
        MucAffiliation.Member => "member",
        MucAffiliation.Outcast => "outcast",
        MucAffiliation.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(affiliation), affiliation, "Not an affiliation."),
    };

    /// <summary>The <c>&lt;x xmlns='…muc'/&gt;</c> of a join presence (XEP-0045 §7.2.1), with history control and password.</summary>
    public static XElement JoinElement(MucHistory? history, string? password)
    {
        var x = new XElement(MucNamespaces.MucX);
        if (history is not null && !history.IsRoomDefault)
        {
            var element = new XElement(XName.Get("history", MucNamespaces.Muc));
            Attribute(element, "maxstanzas", history.MaxStanzas);
            Attribute(element, "maxchars", history.MaxChars);
            Attribute(element, "seconds", history.Seconds is { } seconds ? (int)Math.Ceiling(seconds.TotalSeconds) : null);
            if (history.Since is { } since)
            {
                element.SetAttributeValue("since", Delay.XmppDateTime.Format(since));
            }

            x.Add(element);
        }

        if (password is not null)
        {
            x.Add(new XElement(XName.Get("password", MucNamespaces.Muc), password));
        }

        return x;
    }

    /// <summary>An <c>&lt;item/&gt;</c> of a muc#admin query, with an optional reason.</summary>
    public static XElement AdminItem(string attribute, string value, string name, string setting, string? reason)
    {
        var item = new XElement(XName.Get("item", MucNamespaces.Admin), new XAttribute(attribute, value), new XAttribute(name, setting));
        if (reason is not null)
        {
            item.Add(new XElement(XName.Get("reason", MucNamespaces.Admin), reason));
        }

        return item;
    }

    /// <summary>The room's stanza-id (XEP-0359) on a reflected message: only one the room itself put there ('by' = room).</summary>
    public static string? StanzaIdBy(Stanzas.Stanza stanza, Jid room)
    {
        foreach (var element in stanza.GetPayloads(MucNamespaces.StanzaId))
        {
            if (Jid.TryParse((string?)element.Attribute("by"), out var by) && by == room && (string?)element.Attribute("id") is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static void Attribute(XElement element, string name, int? value)
    {
        if (value is { } number)
        {
            element.SetAttributeValue(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
