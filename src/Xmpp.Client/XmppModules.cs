namespace Xmpp.Client;

/// <summary>The protocol extensions an <see cref="XmppClient"/> runs; see <see cref="XmppClientOptions.Modules"/>.</summary>
[Flags]
public enum XmppModules
{
    /// <summary>None: only the core protocol (and XEP-0199 answers, see <see cref="XmppClientOptions.AnswerPings"/>).</summary>
    None = 0,

    /// <summary>The roster (RFC 6121 §2), with roster versioning (XEP-0237): <c>XmppClient.Roster</c>.</summary>
    Roster = 1 << 0,

    /// <summary>Presence, subscriptions and per-contact resource tracking (RFC 6121 §3–4): <c>XmppClient.Presence</c>.</summary>
    Presence = 1 << 1,

    /// <summary>Service discovery (XEP-0030) and entity capabilities (XEP-0115): <c>XmppClient.Disco</c>.</summary>
    ServiceDiscovery = 1 << 2,

    /// <summary>Software version (XEP-0092), entity time (XEP-0202) and ping (XEP-0199) queries: <c>XmppClient.Info</c>.</summary>
    EntityInfo = 1 << 3,

    /// <summary>Message delivery receipts (XEP-0184): <c>XmppClient.Receipts</c>.</summary>
    Receipts = 1 << 4,

    /// <summary>Chat state notifications (XEP-0085): <c>XmppClient.ChatStates</c>.</summary>
    ChatStates = 1 << 5,

    /// <summary>Unique and stable stanza ids (XEP-0359): an origin-id on every outgoing message.</summary>
    StanzaIds = 1 << 6,

    /// <summary>Blocking (XEP-0191): <c>XmppClient.Blocking</c>.</summary>
    Blocking = 1 << 7,

    /// <summary>Every module.</summary>
    All = Roster | Presence | ServiceDiscovery | EntityInfo | Receipts | ChatStates | StanzaIds | Blocking,
}
