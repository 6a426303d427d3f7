using System.Xml.Linq;

namespace Xmpp.Client.Testing.Internal;

/// <summary>The XML namespaces the in-memory server speaks.</summary>
internal static class Ns
{
    public static readonly XNamespace Client = "jabber:client";
    public const string Streams = "http://etherx.jabber.org/streams";
    public static readonly XNamespace Sasl = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static readonly XNamespace Bind = "urn:ietf:params:xml:ns:xmpp-bind";
    public static readonly XNamespace Stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static readonly XNamespace StreamErrors = "urn:ietf:params:xml:ns:xmpp-streams";
    public static readonly XNamespace Roster = "jabber:iq:roster";
    public static readonly XNamespace DiscoInfo = "http://jabber.org/protocol/disco#info";
    public static readonly XNamespace DiscoItems = "http://jabber.org/protocol/disco#items";
    public static readonly XNamespace Ping = "urn:xmpp:ping";
}
