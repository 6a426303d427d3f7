using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Blocking;

/// <summary>The <c>urn:xmpp:blocking</c> payloads (XEP-0191): blocklist, block and unblock, each a list of items.</summary>
internal static class BlockingXml
{
    public const string Namespace = "urn:xmpp:blocking";

    private static readonly XNamespace Ns = Namespace;

    public static XName BlockName { get; } = Ns + "block";

    public static XName UnblockName { get; } = Ns + "unblock";

    public static XName BlocklistName { get; } = Ns + "blocklist";

    /// <summary>A payload <paramref name="name"/> (blocklist, block, unblock) listing <paramref name="jids"/>.</summary>
    public static XElement Payload(string name, IEnumerable<Jid> jids) =>
        new(Ns + name, jids.Select(jid => new XElement(Ns + "item", new XAttribute("jid", jid.ToString()))));

    /// <summary>The JIDs of a payload's items; <see langword="null"/> when an item has no valid JID.</summary>
    public static List<Jid>? ReadItems(XElement payload)
    {
        var jids = new List<Jid>();
        foreach (var item in payload.Elements(Ns + "item"))
        {
            if (!Jid.TryParse((string?)item.Attribute("jid"), out var jid))
            {
                return null;
            }

            jids.Add(jid);
        }

        return jids;
    }
}
