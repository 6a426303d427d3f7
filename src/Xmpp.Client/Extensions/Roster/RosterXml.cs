using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Roster;

/// <summary>The <c>jabber:iq:roster</c> payload (RFC 6121 §2.1): reading items and writing requests.</summary>
internal static class RosterXml
{
    public const string Namespace = "jabber:iq:roster";

    /// <summary>The stream feature that offers roster versioning (XEP-0237, RFC 6121 §2.6).</summary>
    public const string VersioningFeature = "urn:xmpp:features:rosterver";

    private static readonly XNamespace Ns = Namespace;

    /// <summary>A roster get, with <paramref name="version"/> as 'ver' unless it is <see langword="null"/>.</summary>
    public static XElement Get(string? version) => new(Ns + "query", version is null ? null : new XAttribute("ver", version));

    /// <summary>A roster set that adds or updates <paramref name="item"/>: JID, name and groups only (RFC 6121 §2.3.2).</summary>
    public static XElement Set(RosterItem item) => new(Ns + "query", new XElement(
        Ns + "item",
        new XAttribute("jid", item.Jid.ToString()),
        string.IsNullOrEmpty(item.Name) ? null : new XAttribute("name", item.Name),
        item.Groups.Select(group => new XElement(Ns + "group", group))));

    /// <summary>A roster set that removes <paramref name="jid"/> (RFC 6121 §2.5.2).</summary>
    public static XElement Remove(Jid jid) => new(Ns + "query", new XElement(
        Ns + "item",
        new XAttribute("jid", jid.ToString()),
        new XAttribute("subscription", "remove")));

    /// <summary>Whether <paramref name="element"/> is a roster query.</summary>
    public static bool IsQuery([NotNullWhen(true)] XElement? element) => element?.Name == Ns + "query";

    /// <summary>The query's name.</summary>
    public static XName QueryName { get; } = Ns + "query";

    /// <summary>The stream feature's name.</summary>
    public static XName VersioningFeatureName { get; } = XName.Get("ver", VersioningFeature);

    /// <summary>The item elements of a roster query.</summary>
    public static IEnumerable<XElement> Items(XElement query) => query.Elements(Ns + "item");

    /// <summary>Reads an item; <see langword="null"/> when its JID or subscription is invalid.</summary>
    public static RosterItem? ParseItem(XElement item)
    {
        if (!Jid.TryParse((string?)item.Attribute("jid"), out var jid) || ParseSubscription((string?)item.Attribute("subscription")) is not { } subscription)
        {
            return null;
        }

        var name = (string?)item.Attribute("name");
        var groups = item.Elements(Ns + "group").Select(group => group.Value).Where(group => group.Length > 0);
        return new RosterItem(jid, string.IsNullOrEmpty(name) ? null : name, groups)
        {
            Subscription = subscription,
            Ask = (string?)item.Attribute("ask") == "subscribe",
            Approved = (string?)item.Attribute("approved") is "true" or "1",
        };
    }

    private static RosterSubscription? ParseSubscription(string? value) => value switch
    {
        null or "none" => RosterSubscription.None,
        "to" => RosterSubscription.To,
        "from" => RosterSubscription.From,
        "both" => RosterSubscription.Both,
        "remove" => RosterSubscription.Remove,
        _ => null,
    };
}
