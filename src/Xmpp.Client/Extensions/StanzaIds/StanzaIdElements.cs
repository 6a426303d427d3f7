using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.StanzaIds;

/// <summary>The elements of XEP-0359 (<c>urn:xmpp:sid:0</c>).</summary>
internal static class StanzaIdElements
{
    public const string Namespace = "urn:xmpp:sid:0";

    public static readonly XName OriginIdName = XName.Get("origin-id", Namespace);

    public static readonly XName StanzaIdName = XName.Get("stanza-id", Namespace);

    /// <summary>The id of the <c>&lt;origin-id/&gt;</c>, or <see langword="null"/>.</summary>
    public static string? OriginId(Stanza stanza) =>
        stanza.GetPayloadAttribute(OriginIdName, "id") is { Length: > 0 } id ? id : null;

    /// <summary>Adds <c>&lt;origin-id id='…'/&gt;</c>.</summary>
    public static void AddOriginId(Stanza stanza, string id) =>
        stanza.AddPayload(OriginIdName, "id", id);

    /// <summary>
    /// The id of the one <c>&lt;stanza-id/&gt;</c> whose 'by' is <paramref name="by"/>; <see langword="null"/> when there
    /// is none, or more than one (XEP-0359 allows one per 'by', so several are a forgery or a broken server).
    /// </summary>
    public static string? StanzaId(Stanza stanza, Jid by)
    {
        if (!stanza.HasPayload(StanzaIdName))
        {
            return null;
        }

        string? found = null;
        foreach (var element in stanza.GetPayloads(StanzaIdName))
        {
            if (!Jid.TryParse((string?)element.Attribute("by"), out var stamper) || stamper != by)
            {
                continue;
            }

            if (found is not null || (string?)element.Attribute("id") is not { Length: > 0 } id)
            {
                return null;
            }

            found = id;
        }

        return found;
    }
}
