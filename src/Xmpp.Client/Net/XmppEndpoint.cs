using System.Net;

namespace Xmpp.Client.Net;

/// <summary>
/// One place to try to connect to: a host, its port, whether TLS starts at once, where it came from, and the
/// addresses found for the host (to be tried in turn).
/// </summary>
internal sealed class XmppEndpoint
{
    /// <summary>Creates an endpoint.</summary>
    /// <param name="host">The host name (no trailing dot), or an IP literal.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="directTls">Whether to start TLS immediately (XEP-0368) instead of STARTTLS.</param>
    /// <param name="source">Where the endpoint came from.</param>
    /// <param name="addresses">The host's addresses, in the order to try them; empty when none were found.</param>
    /// <param name="resolutionError">Why <paramref name="addresses"/> is empty, or <see langword="null"/>.</param>
    public XmppEndpoint(string host, int port, bool directTls, EndpointSource source, IReadOnlyList<IPAddress> addresses, string? resolutionError = null)
    {
        Host = host;
        Port = port;
        DirectTls = directTls;
        Source = source;
        Addresses = addresses;
        ResolutionError = resolutionError;
    }

    /// <summary>The host name (no trailing dot), or an IP literal.</summary>
    public string Host { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>Whether to start TLS immediately (XEP-0368) instead of STARTTLS.</summary>
    public bool DirectTls { get; }

    /// <summary>Where the endpoint came from.</summary>
    public EndpointSource Source { get; }

    /// <summary>The host's addresses in the order to try them; empty when the host could not be resolved.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>Why <see cref="Addresses"/> is empty (for the connection error), or <see langword="null"/>.</summary>
    public string? ResolutionError { get; }

    /// <summary>A description for logs and errors, such as <c>xmpp.example.com:5223 (_xmpps-client SRV, direct TLS)</c>.</summary>
    public override string ToString()
    {
        string source = Source switch
        {
            EndpointSource.XmppsClientSrv => "_xmpps-client SRV",
            EndpointSource.XmppClientSrv => "_xmpp-client SRV",
            EndpointSource.JabberSrv => "_jabber SRV",
            EndpointSource.Fallback => "fallback",
            _ => "configured",
        };
        string host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return $"{host}:{Port} ({source}{(DirectTls ? ", direct TLS" : "")})";
    }
}
