using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>What the negotiation produced: the bound JID, the final stream features (for later modules such as
/// stream management), the server's stream header and the SASL mechanism used.</summary>
internal sealed record NegotiatedSession(Jid BoundJid, XmppElement Features, XmlStreamHeader ServerHeader, string SaslMechanism, bool IsEncrypted);
