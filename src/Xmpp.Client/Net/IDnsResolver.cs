using System.Net;

namespace Xmpp.Client.Net;

/// <summary>
/// The DNS queries endpoint resolution needs: the seam between <see cref="EndpointResolver"/> and DnsClient.
/// Implementations report DNS trouble in the result and throw only <see cref="OperationCanceledException"/> for the
/// caller's cancellation. Implementations are thread-safe.
/// </summary>
internal interface IDnsResolver
{
    /// <summary>Looks up the SRV records of <paramref name="name"/> (such as <c>_xmpp-client._tcp.example.com</c>).</summary>
    Task<DnsLookupResult<SrvRecord>> LookupSrvAsync(string name, CancellationToken cancellationToken);

    /// <summary>Looks up the IPv6 and IPv4 addresses of <paramref name="host"/>, in the order to try them.</summary>
    Task<DnsLookupResult<IPAddress>> LookupAddressesAsync(string host, CancellationToken cancellationToken);
}
