using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Xmpp.Client.Net;

/// <summary>
/// Finds where to connect for an XMPP domain (RFC 6120 §3.2, XEP-0368), yielding endpoints lazily in the order to try
/// them, each with its addresses. Thread-safe; holds no state between calls.
/// </summary>
/// <remarks>
/// <para>Order: <c>_xmpps-client._tcp.D</c> (direct TLS; only when allowed), then <c>_xmpp-client._tcp.D</c>, then
/// <c>_jabber._tcp.D</c> (only when <c>_xmpp-client</c> has no records), then <c>D:5222</c> (only when no SRV record was
/// found at all: once a domain publishes SRV records, its bare address is not a place to connect, RFC 2782). Each SRV
/// set is ordered by priority and weight (<see cref="SrvRecordOrder"/>). Direct TLS records all come before STARTTLS
/// ones, which XEP-0368 §3 allows ("clients MAY choose to prefer one type").</para>
/// <para>A lone SRV record with the target <c>.</c> says the service is decidedly not available (RFC 2782, RFC 6120
/// §3.2.1). For <c>_xmpps-client</c> that only means "no direct TLS": resolution goes on with <c>_xmpp-client</c>. For
/// <c>_xmpp-client</c> (or <c>_jabber</c>) it ends resolution with no fallback to <c>_jabber</c> or <c>D:5222</c>; if no
/// direct TLS endpoint was yielded before, that is an <see cref="XmppException"/> saying the domain offers no client
/// service.</para>
/// <para>A lookup that fails (timeout, SERVFAIL) is logged and resolution goes on with the next step. A target whose
/// addresses cannot be found is still yielded, with no addresses and a <see cref="XmppEndpoint.ResolutionError"/>, so
/// the connection error can name it. If the domain itself does not exist (NXDOMAIN when falling back to its address),
/// an <see cref="XmppException"/> says so.</para>
/// <para>IP literals need no lookup, and <c>localhost</c> (RFC 6761) resolves to the loopback addresses; a domain that
/// is either gets no SRV lookup at all.</para>
/// </remarks>
internal sealed class EndpointResolver
{
    /// <summary>The client port used when no SRV record gives one (RFC 6120 §3.2.2).</summary>
    public const int DefaultPort = 5222;

    private readonly IDnsResolver _dns;
    private readonly ILogger _logger;
    private readonly Random _random;

    /// <summary>Creates a resolver over DnsClient.</summary>
    /// <param name="dnsServers">DNS servers to use exclusively, or <see langword="null"/> for the system's.</param>
    /// <param name="logger">Where to log lookups and failures; <see langword="null"/> for none.</param>
    public EndpointResolver(IReadOnlyList<IPEndPoint>? dnsServers, ILogger? logger)
        : this(new DnsClientResolver(dnsServers, DnsClientResolver.DefaultQueryTimeout), logger ?? NullLogger.Instance, Random.Shared)
    {
    }

    /// <summary>Creates a resolver over any DNS implementation (a test seam).</summary>
    internal EndpointResolver(IDnsResolver dns, ILogger logger, Random random)
    {
        _dns = dns;
        _logger = logger;
        _random = random;
    }

    /// <summary>Yields the endpoints of <paramref name="domain"/> in the order to try them.</summary>
    /// <param name="domain">The JID's domain part (Unicode or ASCII; an IP literal may be in brackets).</param>
    /// <param name="allowDirectTls">Whether to look up <c>_xmpps-client</c> for direct TLS endpoints.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <exception cref="XmppException">The domain does not exist, or says it offers no XMPP client service.</exception>
    public async IAsyncEnumerable<XmppEndpoint> ResolveAsync(
        string domain, bool allowDirectTls, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string name = ToDnsName(domain);
        if (TryGetFixedAddresses(name, out IReadOnlyList<IPAddress>? fixedAddresses))
        {
            yield return new XmppEndpoint(name, DefaultPort, directTls: false, EndpointSource.Fallback, fixedAddresses);
            yield break;
        }

        bool yielded = false;
        if (allowDirectTls)
        {
            (List<SrvRecord> direct, _) = await LookupServiceAsync("_xmpps-client._tcp." + name, cancellationToken).ConfigureAwait(false);
            foreach (SrvRecord record in direct)
            {
                yield return await ToEndpointAsync(record, directTls: true, EndpointSource.XmppsClientSrv, cancellationToken).ConfigureAwait(false);
                yielded = true;
            }
        }

        foreach ((string service, EndpointSource source) in new[] { ("_xmpp-client", EndpointSource.XmppClientSrv), ("_jabber", EndpointSource.JabberSrv) })
        {
            string srvName = $"{service}._tcp.{name}";
            (List<SrvRecord> records, bool unavailable) = await LookupServiceAsync(srvName, cancellationToken).ConfigureAwait(false);
            if (unavailable)
            {
                if (!yielded)
                {
                    throw new XmppException(
                        $"The domain '{domain}' says it offers no XMPP client service: its {srvName} SRV record has the target '.' "
                        + "(RFC 2782). Check the domain part of the JID, or configure the server's host name if you know it.");
                }

                yield break;
            }

            foreach (SrvRecord record in records)
            {
                yield return await ToEndpointAsync(record, directTls: false, source, cancellationToken).ConfigureAwait(false);
                yielded = true;
            }

            if (records.Count > 0)
            {
                yield break;
            }
        }

        if (yielded)
        {
            yield break;
        }

        Log.FallingBack(_logger, name, DefaultPort);
        XmppEndpoint fallback = await ResolveHostAsync(name, DefaultPort, directTls: false, EndpointSource.Fallback, cancellationToken).ConfigureAwait(false);
        yield return fallback;
    }

    /// <summary>Resolves a host the user configured (no SRV lookup).</summary>
    /// <param name="host">The host name or IP literal.</param>
    /// <param name="port">The port.</param>
    /// <param name="directTls">Whether to start TLS immediately.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The endpoint; without addresses (and with a <see cref="XmppEndpoint.ResolutionError"/>) when the lookup failed.</returns>
    /// <exception cref="XmppException">The host does not exist.</exception>
    public Task<XmppEndpoint> ResolveHostAsync(string host, int port, bool directTls, CancellationToken cancellationToken) =>
        ResolveHostAsync(ToDnsName(host), port, directTls, EndpointSource.Configured, cancellationToken);

    private static string ToDnsName(string domain)
    {
        string name = domain.TrimEnd('.');
        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            return name[1..^1];
        }

        return name.Any(c => c > '\u007F') ? new IdnMapping().GetAscii(name) : name;
    }

    private static bool TryGetFixedAddresses(string host, [NotNullWhen(true)] out IReadOnlyList<IPAddress>? addresses)
    {
        // Only the literal forms a JID or SRV target can carry: dotted-quad IPv4 (not "1.2.3" or "123") or IPv6.
        if (IPAddress.TryParse(host, out IPAddress? literal)
            && (host.Contains(':', StringComparison.Ordinal) || literal.ToString() == host))
        {
            addresses = [literal];
            return true;
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback];
            return true;
        }

        addresses = null;
        return false;
    }

    private async Task<XmppEndpoint> ResolveHostAsync(string host, int port, bool directTls, EndpointSource source, CancellationToken cancellationToken)
    {
        (XmppEndpoint endpoint, bool nameNotFound) = await ResolveEndpointAsync(host, port, directTls, source, cancellationToken).ConfigureAwait(false);
        if (!nameNotFound)
        {
            return endpoint;
        }

        throw new XmppException(source == EndpointSource.Fallback
            ? $"The domain '{host}' does not exist in DNS: it has no XMPP SRV records and the lookup of its address answered "
              + "'no such name'. Check the domain part of the JID for typos."
            : $"The host '{host}' does not exist in DNS (the lookup of its address answered 'no such name'). Check the configured host name.");
    }

    private async Task<XmppEndpoint> ToEndpointAsync(SrvRecord record, bool directTls, EndpointSource source, CancellationToken cancellationToken) =>
        (await ResolveEndpointAsync(record.Target, record.Port, directTls, source, cancellationToken).ConfigureAwait(false)).Endpoint;

    private async Task<(XmppEndpoint Endpoint, bool NameNotFound)> ResolveEndpointAsync(
        string host, int port, bool directTls, EndpointSource source, CancellationToken cancellationToken)
    {
        if (TryGetFixedAddresses(host, out IReadOnlyList<IPAddress>? fixedAddresses))
        {
            return (new XmppEndpoint(host, port, directTls, source, fixedAddresses), false);
        }

        DnsLookupResult<IPAddress> result = await _dns.LookupAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        string? error = result.Status switch
        {
            DnsLookupStatus.NameNotFound => "the name does not exist in DNS (NXDOMAIN)",
            DnsLookupStatus.Failed => "the address lookup failed: " + result.Error,
            _ when result.Records.Count == 0 => "it has no A or AAAA records",
            _ => null,
        };
        if (error is not null)
        {
            Log.AddressLookupFailed(_logger, host, error);
        }

        var endpoint = new XmppEndpoint(host, port, directTls, source, result.Records, error);
        Log.EndpointResolved(_logger, endpoint, endpoint.Addresses.Count);
        return (endpoint, result.Status == DnsLookupStatus.NameNotFound);
    }

    private async Task<(List<SrvRecord> Records, bool Unavailable)> LookupServiceAsync(string srvName, CancellationToken cancellationToken)
    {
        DnsLookupResult<SrvRecord> result = await _dns.LookupSrvAsync(srvName, cancellationToken).ConfigureAwait(false);
        if (result.Status == DnsLookupStatus.Failed)
        {
            Log.SrvLookupFailed(_logger, srvName, result.Error ?? "unknown error");
            return ([], false);
        }

        if (result.Records.Count == 1 && result.Records[0].IsRootTarget)
        {
            Log.SrvServiceUnavailable(_logger, srvName);
            return ([], true);
        }

        List<SrvRecord> ordered = SrvRecordOrder.Sort(result.Records.Where(r => !r.IsRootTarget), _random);
        if (ordered.Count == 0)
        {
            Log.SrvNoRecords(_logger, srvName);
        }
        else
        {
            Log.SrvRecordsFound(_logger, srvName, ordered.Count);
        }

        return (ordered, false);
    }
}
