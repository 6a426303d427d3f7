namespace Xmpp.Client.Net;

/// <summary>Where an <see cref="XmppEndpoint"/> came from.</summary>
internal enum EndpointSource
{
    /// <summary>A <c>_xmpps-client._tcp</c> SRV record (XEP-0368): connect with TLS at once.</summary>
    XmppsClientSrv,

    /// <summary>A <c>_xmpp-client._tcp</c> SRV record (RFC 6120 §3.2.1): connect, then STARTTLS.</summary>
    XmppClientSrv,

    /// <summary>A legacy <c>_jabber._tcp</c> SRV record: connect, then STARTTLS.</summary>
    JabberSrv,

    /// <summary>No SRV record: the domain itself on port 5222 (RFC 6120 §3.2.2).</summary>
    Fallback,

    /// <summary>A host and port the user configured.</summary>
    Configured,
}
