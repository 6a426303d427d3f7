using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>The publish-subscribe names PEP uses (XEP-0060, XEP-0163, XEP-0223).</summary>
internal static class PepXml
{
    public const string PubSub = "http://jabber.org/protocol/pubsub";
    public const string Owner = PubSub + "#owner";
    public const string Event = PubSub + "#event";
    public const string Errors = PubSub + "#errors";

    public static readonly XNamespace Ns = PubSub;
    public static readonly XNamespace OwnerNs = Owner;
    public static readonly XNamespace EventNs = Event;

    public static readonly XName PubSubName = Ns + "pubsub";
    public static readonly XName OwnerPubSubName = OwnerNs + "pubsub";
    public static readonly XName EventName = EventNs + "event";
    public static readonly XName PreconditionNotMet = XName.Get("precondition-not-met", Errors);

    /// <summary>The most items one notification is read with; the rest are left out (and logged).</summary>
    public const int MaxNotificationItems = 1024;

    /// <summary>The first child element of an item: its payload.</summary>
    public static PepItem ReadItem(XElement item) => new((string?)item.Attribute("id"), item.Elements().FirstOrDefault());
}
