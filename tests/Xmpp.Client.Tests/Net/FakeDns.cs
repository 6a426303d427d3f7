using System.Net;
using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Net;

/// <summary>An in-memory <see cref="IDnsResolver"/>: unknown names answer NXDOMAIN; every query is recorded.</summary>
internal sealed class FakeDns : IDnsResolver
{
    private readonly Dictionary<string, DnsLookupResult<SrvRecord>> _srv = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DnsLookupResult<IPAddress>> _addresses = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Queries { get; } = [];

    public FakeDns Srv(string name, params SrvRecord[] records)
    {
        _srv[name] = DnsLookupResult.Found<SrvRecord>(records);
        return this;
    }

    public FakeDns SrvFails(string name, string error)
    {
        _srv[name] = DnsLookupResult.Failed<SrvRecord>(error);
        return this;
    }

    public FakeDns Host(string host, params string[] addresses)
    {
        _addresses[host] = DnsLookupResult.Found<IPAddress>(addresses.Select(IPAddress.Parse).ToList());
        return this;
    }

    public FakeDns HostFails(string host, string error)
    {
        _addresses[host] = DnsLookupResult.Failed<IPAddress>(error);
        return this;
    }

    public Task<DnsLookupResult<SrvRecord>> LookupSrvAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Queries.Add("SRV " + name);
        return Task.FromResult(_srv.GetValueOrDefault(name) ?? DnsLookupResult.NameNotFound<SrvRecord>());
    }

    public Task<DnsLookupResult<IPAddress>> LookupAddressesAsync(string host, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Queries.Add("ADDR " + host);
        return Task.FromResult(_addresses.GetValueOrDefault(host) ?? DnsLookupResult.NameNotFound<IPAddress>());
    }
}
