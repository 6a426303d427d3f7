using Xmpp.Client.Xml;

namespace Xmpp.Client.Internal;

/// <summary>The XML namespaces of the core protocol (RFC 6120) used by the session; those the XML layer also needs
/// are defined once, in <see cref="XmlNamespaces"/>.</summary>
internal static class Namespaces
{
    public const string Client = XmlNamespaces.Client;
    public const string Streams = XmlNamespaces.Streams;
    public const string StreamErrors = "urn:ietf:params:xml:ns:xmpp-streams";
    public const string Tls = "urn:ietf:params:xml:ns:xmpp-tls";
    public const string Sasl = "urn:ietf:params:xml:ns:xmpp-sasl";
    public const string Bind = "urn:ietf:params:xml:ns:xmpp-bind";
    public const string Session = "urn:ietf:params:xml:ns:xmpp-session";
    public const string Stanzas = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public const string SaslChannelBinding = "urn:xmpp:sasl-cb:0";
    public const string StreamManagement = "urn:xmpp:sm:3";
    public const string Ping = "urn:xmpp:ping";
    public const string Xml = XmlNamespaces.Xml;
}
