using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Pep;

/// <summary>
/// A PEP event notification (XEP-0163 §4, XEP-0060 §7.1.2): what an account published to or retracted from one of its
/// nodes, or that it purged or deleted the node. See <see cref="PepExtension.NotificationReceived"/> and
/// <see cref="PepExtension.Subscribe"/>.
/// </summary>
public sealed class PepNotificationEventArgs : EventArgs
{
    internal PepNotificationEventArgs(Jid publisher, string node, IReadOnlyList<PepItem> published, IReadOnlyList<string> retracted,
        bool purged, bool deleted, Message message)
    {
        Publisher = publisher;
        Node = node;
        Published = published;
        Retracted = retracted;
        Purged = purged;
        Deleted = deleted;
        Message = message;
    }

    /// <summary>
    /// The account whose node it is: the bare JID the notification came from (the own account's, when it came without
    /// 'from'). Notifications from a full JID or a domain are never raised.
    /// </summary>
    public Jid Publisher { get; }

    /// <summary>The node, such as <c>urn:xmpp:bookmarks:1</c>.</summary>
    public string Node { get; }

    /// <summary>The items published (new or replaced), in order; at most 1,024 are read from one notification.</summary>
    public IReadOnlyList<PepItem> Published { get; }

    /// <summary>The ids of the items retracted (XEP-0060 §7.2.2.1).</summary>
    public IReadOnlyList<string> Retracted { get; }

    /// <summary>Whether every item of the node was removed (<c>&lt;purge/&gt;</c>, XEP-0060 §8.5).</summary>
    public bool Purged { get; }

    /// <summary>Whether the node was deleted (<c>&lt;delete/&gt;</c>, XEP-0060 §8.4).</summary>
    public bool Deleted { get; }

    /// <summary>The message that carried the notification, for what else it holds (a delay, XEP-0203, when the server
    /// sends the last published item to a newly available resource).</summary>
    public Message Message { get; }
}
