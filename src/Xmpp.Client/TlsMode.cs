namespace Xmpp.Client;

/// <summary>How the connection to the server is encrypted.</summary>
public enum TlsMode
{
    /// <summary>
    /// The default: the stream must be encrypted before anything else is sent. Direct TLS endpoints
    /// (XEP-0368 <c>_xmpps-client</c>) are tried first, then STARTTLS (RFC 6120 §5); a server that offers no
    /// STARTTLS, or fails it, is refused before any credential is sent.
    /// </summary>
    Required = 0,

    /// <summary>Only direct TLS (XEP-0368): TLS starts as soon as the TCP connection is open, with no STARTTLS.</summary>
    DirectTls,

    /// <summary>
    /// No encryption at all: credentials and messages cross the network in clear text. Only for tests against a
    /// server on loopback; never use it for a real account.
    /// </summary>
    Disabled,
}
