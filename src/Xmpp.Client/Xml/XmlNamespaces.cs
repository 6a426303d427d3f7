namespace Xmpp.Client.Xml;

/// <summary>The namespace names the XML layer itself has to know.</summary>
internal static class XmlNamespaces
{
    /// <summary>The stream namespace of RFC 6120 (<c>&lt;stream:stream&gt;</c>, <c>&lt;stream:features&gt;</c>, <c>&lt;stream:error&gt;</c>).</summary>
    public const string Streams = "http://etherx.jabber.org/streams";

    /// <summary>The content namespace of a client-to-server stream.</summary>
    public const string Client = "jabber:client";

    /// <summary>The content namespace of a server-to-server stream.</summary>
    public const string Server = "jabber:server";

    /// <summary>The namespace bound to the <c>xml</c> prefix (<c>xml:lang</c>).</summary>
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The namespace of namespace declarations; no element or attribute may be in it.</summary>
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";
}
