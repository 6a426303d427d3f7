namespace Xmpp.Client;

/// <summary>
/// Opens the byte stream a client runs XMPP over, instead of a TCP connection found through DNS: for test servers
/// (such as the in-memory server of the Xmpp.Client.Testing package) and custom transports. Set it as
/// <see cref="XmppClientOptions.ConnectionFactory"/>.
/// </summary>
/// <remarks>
/// The stream carries the XMPP client protocol exactly as a TCP connection would (RFC 6120): the client negotiates
/// STARTTLS over it unless <see cref="XmppClientOptions.TlsMode"/> is <see cref="TlsMode.Disabled"/>, and with
/// <see cref="TlsMode.DirectTls"/> it runs the TLS handshake first. <see cref="XmppClientOptions.Host"/>,
/// <see cref="XmppClientOptions.Port"/> and <see cref="XmppClientOptions.DnsServers"/> are not used. The client owns
/// (and disposes) every stream returned. Called once per connection attempt, reconnections included, possibly from
/// several clients at once if the factory is shared.
/// </remarks>
public abstract class XmppConnectionFactory
{
    /// <summary>Opens a connection to the server of <paramref name="domain"/>.</summary>
    /// <param name="domain">The domain of the account's JID.</param>
    /// <param name="redirect">The host (<c>host</c>, <c>host:port</c> or <c>[v6]:port</c>) the server asked the client to
    /// use instead with a <c>see-other-host</c> stream error; <see langword="null"/> otherwise.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A readable and writable stream connected to the server.</returns>
    /// <exception cref="XmppConnectException">The server cannot be reached; reconnection retries it later.</exception>
    public abstract ValueTask<Stream> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken);
}
