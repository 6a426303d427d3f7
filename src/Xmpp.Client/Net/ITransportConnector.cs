namespace Xmpp.Client.Net;

/// <summary>Opens the connection a session runs on (a socket in production, an in-memory stream in tests).</summary>
internal interface ITransportConnector
{
    /// <summary>
    /// Connects to the first reachable endpoint of <paramref name="domain"/> — or of <paramref name="redirect"/>
    /// (<c>host</c>, <c>host:port</c> or <c>[v6]:port</c>) after a see-other-host — with TLS already established for
    /// direct TLS endpoints.
    /// </summary>
    /// <exception cref="XmppConnectException">No endpoint could be reached; lists every attempt.</exception>
    Task<XmppTransport> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken);
}
