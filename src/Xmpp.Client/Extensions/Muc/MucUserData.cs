using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>
/// What a room's <c>&lt;x xmlns='http://jabber.org/protocol/muc#user'/&gt;</c> says (XEP-0045 §15.6): the item
/// (affiliation, role, real JID, new nick, actor, reason), the status codes and a destruction notice.
/// </summary>
internal sealed record MucUserData(
    MucAffiliation Affiliation,
    MucRole Role,
    Jid? RealJid,
    string? Nick,
    string? ActorNick,
    Jid? ActorJid,
    string? Reason,
    IReadOnlySet<int> StatusCodes,
    MucDestroyNotice? Destroyed)
{
    /// <summary>At most this many status codes are read from one element (a room sends two or three).</summary>
    private const int MaxCodes = 16;

    public static MucUserData Empty { get; } = new(MucAffiliation.None, MucRole.None, null, null, null, null, null, new HashSet<int>(), null);

    public bool Has(int code) => StatusCodes.Contains(code);

    /// <summary>Reads the element, tolerating unknown values (they read as <c>none</c>) and a missing item.</summary>
    public static MucUserData Read(XElement? x)
    {
        if (x is null)
        {
            return Empty;
        }

        var codes = new HashSet<int>();
        foreach (var status in x.Elements(XName.Get("status", MucNamespaces.User)))
        {
            if (codes.Count < MaxCodes && int.TryParse((string?)status.Attribute("code"), out var code))
            {
                codes.Add(code);
            }
        }

        var item = x.Element(XName.Get("item", MucNamespaces.User));
        var actor = item?.Element(XName.Get("actor", MucNamespaces.User));
        MucDestroyNotice? destroyed = null;
        if (x.Element(XName.Get("destroy", MucNamespaces.User)) is { } destroy)
        {
            destroyed = new MucDestroyNotice(ParseJid((string?)destroy.Attribute("jid")),
                Text(destroy.Element(XName.Get("reason", MucNamespaces.User))));
        }

        return new MucUserData(
            MucXml.ParseAffiliation((string?)item?.Attribute("affiliation")),
            MucXml.ParseRole((string?)item?.Attribute("role")),
            ParseJid((string?)item?.Attribute("jid")),
            NonEmpty((string?)item?.Attribute("nick")),
            NonEmpty((string?)actor?.Attribute("nick")),
            ParseJid((string?)actor?.Attribute("jid")),
            Text(item?.Element(XName.Get("reason", MucNamespaces.User))),
            codes,
            destroyed);
    }

    private static Jid? ParseJid(string? text) => Jid.TryParse(text, out var jid) ? jid : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Text(XElement? element) => element is null ? null : NonEmpty(element.Value);
}
