using System.Net;
using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Net;

/// <summary>DnsClientResolver against a stub DNS server on loopback: how DnsClient's answers are interpreted.</summary>
public class DnsClientResolverTests
{
    private const ushort A = 1;
    private const ushort Aaaa = 28;
    private const ushort Srv = 33;

    private static DnsClientResolver ResolverFor(StubDnsServer server) => new([server.EndPoint], TimeSpan.FromMilliseconds(300));

    [Fact]
    public async Task Srv_records_are_read_with_the_trailing_dot_removed()
    {
        await using var server = new StubDnsServer((name, type) => type == Srv && name == "_xmpp-client._tcp.example.com"
            ? new StubAnswer(0, StubRecord.Srv(5, 10, 5222, "xmpp.example.com"), StubRecord.Srv(10, 0, 5269, "other.example.com"))
            : StubAnswer.NxDomain);

        DnsLookupResult<SrvRecord> result = await ResolverFor(server).LookupSrvAsync("_xmpp-client._tcp.example.com", CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Found, result.Status);
        Assert.Equal([new SrvRecord(5, 10, 5222, "xmpp.example.com"), new SrvRecord(10, 0, 5269, "other.example.com")], result.Records);
    }

    [Fact]
    public async Task Root_target_is_read_as_the_root()
    {
        await using var server = new StubDnsServer((_, _) => new StubAnswer(0, StubRecord.Srv(0, 0, 0, ".")));

        DnsLookupResult<SrvRecord> result = await ResolverFor(server).LookupSrvAsync("_xmpp-client._tcp.example.com", CancellationToken.None);

        Assert.True(Assert.Single(result.Records).IsRootTarget);
    }

    [Fact]
    public async Task Nxdomain_is_name_not_found()
    {
        await using var server = new StubDnsServer((_, _) => StubAnswer.NxDomain);

        Assert.Equal(DnsLookupStatus.NameNotFound, (await ResolverFor(server).LookupSrvAsync("_xmpp-client._tcp.nope.example", CancellationToken.None)).Status);
        Assert.Equal(DnsLookupStatus.NameNotFound, (await ResolverFor(server).LookupAddressesAsync("nope.example", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Servfail_is_a_failure_result_not_an_exception()
    {
        await using var server = new StubDnsServer((_, _) => StubAnswer.ServFail);

        DnsLookupResult<SrvRecord> result = await ResolverFor(server).LookupSrvAsync("_xmpp-client._tcp.example.com", CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Failed, result.Status);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Silent_server_is_a_failure_result_not_an_exception()
    {
        await using var server = new StubDnsServer((_, _) => null);

        DnsLookupResult<SrvRecord> result = await ResolverFor(server).LookupSrvAsync("_xmpp-client._tcp.example.com", CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Failed, result.Status);
        Assert.Contains("SRV", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addresses_come_from_the_custom_server_interleaved_ipv6_first()
    {
        await using var server = new StubDnsServer((name, type) => (name, type) switch
        {
            ("xmpp.example.com", A) => new StubAnswer(0, StubRecord.A("192.0.2.1"), StubRecord.A("192.0.2.2")),
            ("xmpp.example.com", Aaaa) => new StubAnswer(0, StubRecord.Aaaa("2001:db8::1")),
            _ => StubAnswer.NxDomain,
        });

        DnsLookupResult<IPAddress> result = await ResolverFor(server).LookupAddressesAsync("xmpp.example.com", CancellationToken.None);

        Assert.Equal(
            [IPAddress.Parse("2001:db8::1"), IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2")],
            result.Records);
        Assert.Contains("1 xmpp.example.com", server.Questions);
        Assert.Contains("28 xmpp.example.com", server.Questions);
    }

    [Fact]
    public async Task Name_with_no_address_records_is_found_but_empty()
    {
        await using var server = new StubDnsServer((_, _) => new StubAnswer(0));

        DnsLookupResult<IPAddress> result = await ResolverFor(server).LookupAddressesAsync("example.com", CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Found, result.Status);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task Endpoint_resolver_over_the_stub_finds_the_srv_target()
    {
        await using var server = new StubDnsServer((name, type) => (name, type) switch
        {
            ("_xmpp-client._tcp.example.com", Srv) => new StubAnswer(0, StubRecord.Srv(0, 0, 5222, "xmpp.example.com")),
            ("xmpp.example.com", A) => new StubAnswer(0, StubRecord.A("192.0.2.1")),
            ("xmpp.example.com", Aaaa) => new StubAnswer(0),
            _ => StubAnswer.NxDomain,
        });
        var resolver = new EndpointResolver(ResolverFor(server), new ListLogger(), new Random(1));

        XmppEndpoint endpoint = Assert.Single(await resolver.ResolveAsync("example.com", allowDirectTls: true).ToListAsync());

        Assert.Equal("xmpp.example.com:5222 (_xmpp-client SRV)", endpoint.ToString());
        Assert.Equal([IPAddress.Parse("192.0.2.1")], endpoint.Addresses);
    }

    [Theory]
    [InlineData("NameNotFound", "Failed", "NameNotFound")]
    [InlineData("Failed", "Found", "Failed")]
    [InlineData("Found", "Found", "Found")]
    public void Combined_empty_answers_prefer_no_such_name_then_failure(string v6, string v4, string expected)
    {
        static DnsLookupResult<IPAddress> Empty(string name)
        {
            var status = Enum.Parse<DnsLookupStatus>(name);
            return new(status, [], status == DnsLookupStatus.Failed ? "timed out" : null);
        }

        DnsLookupResult<IPAddress> combined = DnsClientResolver.Combine(Empty(v6), Empty(v4));

        Assert.Equal(Enum.Parse<DnsLookupStatus>(expected), combined.Status);
        Assert.Empty(combined.Records);
    }

    [Fact]
    public void Combined_answer_with_addresses_wins_over_a_failed_half()
    {
        DnsLookupResult<IPAddress> combined = DnsClientResolver.Combine(
            DnsLookupResult.Failed<IPAddress>("timed out"), DnsLookupResult.Found<IPAddress>([IPAddress.Parse("192.0.2.1")]));

        Assert.Equal(DnsLookupStatus.Found, combined.Status);
        Assert.Single(combined.Records);
    }
}
