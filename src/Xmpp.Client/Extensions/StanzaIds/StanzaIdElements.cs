using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions.StanzaIds;

/// <summary>The elements of XEP-0359 (<c>urn:xmpp:sid:0</c>), read straight from the stanza's tree.</summary>
internal static class StanzaIdElements
{
    public const string Namespace = "urn:xmpp:sid:0";

    /// <summary>The id of the <c>&lt;origin-id/&gt;</c>, or <see langword="null"/>.</summary>
    public static string? OriginId(Stanza stanza) =>
        stanza.Element.Element("origin-id", Namespace)?.GetAttribute("id") is { Length: > 0 } id ? id : null;

    /// <summary>Adds <c>&lt;origin-id id='…'/&gt;</c>.</summary>
    public static void AddOriginId(Stanza stanza, string id) =>
        stanza.Element.Add(new XmppElement("origin-id", Namespace).SetAttribute("id", id));

    /// <summary>
    /// The id of the one <c>&lt;stanza-id/&gt;</c> whose 'by' is <paramref name="by"/>; <see langword="null"/> when there
    /// is none, or more than one (XEP-0359 allows one per 'by', so several are a forgery or a broken server).
    /// </summary>
    public static string? StanzaId(Stanza stanza, Jid by)
    {
        string? found = null;
        foreach (var element in stanza.Element.Elements("stanza-id", Namespace))
        {
            if (!Jid.TryParse(element.GetAttribute("by"), out var stamper) || stamper != by)
            {
                continue;
            }

            if (found is not null || element.GetAttribute("id") is not { Length: > 0 } id)
            {
                return null;
            }

            found = id;
        }

        return found;
    }
}
