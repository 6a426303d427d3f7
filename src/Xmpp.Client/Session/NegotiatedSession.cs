using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>What the negotiation produced: the bound JID, the final stream features (for the extensions), the server's
/// stream header, the SASL mechanism used, and how stream management went.</summary>
internal sealed record NegotiatedSession(Jid BoundJid, XmppElement Features, XmlStreamHeader ServerHeader, string SaslMechanism, bool IsEncrypted)
{
    /// <summary>Whether the session counts stanzas (XEP-0198 enabled or resumed).</summary>
    public bool StreamManagement { get; init; }

    /// <summary>Whether this is the previous session, resumed (no binding happened; nothing was lost).</summary>
    public bool Resumed { get; init; }

    /// <summary>How many of our stanzas the server said it handled, in <c>&lt;resumed/&gt;</c> or <c>&lt;failed/&gt;</c>.</summary>
    public uint? ServerHandled { get; init; }

    /// <summary>Elements that arrived during the stream-management negotiation, to be handled first.</summary>
    public IReadOnlyList<XmppElement> EarlyElements { get; init; } = [];
}
