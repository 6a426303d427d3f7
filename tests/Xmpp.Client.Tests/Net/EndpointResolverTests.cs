using System.Net;
using Microsoft.Extensions.Logging;
using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Net;

public class EndpointResolverTests
{
    private readonly FakeDns _dns = new();
    private readonly ListLogger _logger = new();

    private EndpointResolver Resolver() => new(_dns, _logger, new Random(1));

    private async Task<List<XmppEndpoint>> ResolveAsync(string domain = "example.com", bool allowDirectTls = true) =>
        await Resolver().ResolveAsync(domain, allowDirectTls).ToListAsync();

    private static SrvRecord Srv(string target, ushort port, ushort priority = 10, ushort weight = 0) => new(priority, weight, port, target);

    [Fact]
    public async Task Direct_tls_endpoints_come_first_then_starttls_ones_and_nothing_else_is_tried()
    {
        _dns.Srv("_xmpps-client._tcp.example.com", Srv("tls.example.com", 5223))
            .Srv("_xmpp-client._tcp.example.com", Srv("xmpp.example.com", 5222))
            .Host("tls.example.com", "192.0.2.1")
            .Host("xmpp.example.com", "192.0.2.2", "2001:db8::2");

        List<XmppEndpoint> endpoints = await ResolveAsync();

        Assert.Equal(["tls.example.com:5223 (_xmpps-client SRV, direct TLS)", "xmpp.example.com:5222 (_xmpp-client SRV)"], endpoints.Select(e => e.ToString()));
        Assert.True(endpoints[0].DirectTls);
        Assert.Equal(EndpointSource.XmppsClientSrv, endpoints[0].Source);
        Assert.False(endpoints[1].DirectTls);
        Assert.Equal([IPAddress.Parse("192.0.2.2"), IPAddress.Parse("2001:db8::2")], endpoints[1].Addresses);
        Assert.Equal(
            ["SRV _xmpps-client._tcp.example.com", "ADDR tls.example.com", "SRV _xmpp-client._tcp.example.com", "ADDR xmpp.example.com"],
            _dns.Queries);
    }

    [Fact]
    public async Task Direct_tls_is_not_looked_up_when_not_allowed()
    {
        _dns.Srv("_xmpps-client._tcp.example.com", Srv("tls.example.com", 5223))
            .Srv("_xmpp-client._tcp.example.com", Srv("xmpp.example.com", 5222))
            .Host("xmpp.example.com", "192.0.2.2");

        List<XmppEndpoint> endpoints = await ResolveAsync(allowDirectTls: false);

        Assert.Equal(EndpointSource.XmppClientSrv, Assert.Single(endpoints).Source);
        Assert.DoesNotContain(_dns.Queries, q => q.Contains("xmpps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jabber_srv_is_used_when_xmpp_client_has_no_records()
    {
        _dns.Srv("_jabber._tcp.example.com", Srv("legacy.example.com", 5222)).Host("legacy.example.com", "192.0.2.3");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync());

        Assert.Equal(EndpointSource.JabberSrv, endpoint.Source);
        Assert.Equal("legacy.example.com", endpoint.Host);
        Assert.DoesNotContain("ADDR example.com", _dns.Queries);
    }

    [Fact]
    public async Task Domain_on_port_5222_is_the_last_resort_when_no_srv_record_exists()
    {
        _dns.Host("example.com", "192.0.2.4");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync());

        Assert.Equal("example.com:5222 (fallback)", endpoint.ToString());
        Assert.Equal([IPAddress.Parse("192.0.2.4")], endpoint.Addresses);
        Assert.Equal(
            ["SRV _xmpps-client._tcp.example.com", "SRV _xmpp-client._tcp.example.com", "SRV _jabber._tcp.example.com", "ADDR example.com"],
            _dns.Queries);
    }

    [Fact]
    public async Task Root_target_on_xmpp_client_fails_clearly_without_any_fallback()
    {
        _dns.Srv("_xmpp-client._tcp.example.com", Srv(".", 0))
            .Srv("_jabber._tcp.example.com", Srv("legacy.example.com", 5222))
            .Host("example.com", "192.0.2.4");

        var e = await Assert.ThrowsAsync<XmppException>(() => ResolveAsync());

        Assert.Contains("offers no XMPP client service", e.Message, StringComparison.Ordinal);
        Assert.Contains("_xmpp-client._tcp.example.com", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SRV _jabber._tcp.example.com", _dns.Queries);
        Assert.DoesNotContain("ADDR example.com", _dns.Queries);
        Assert.Contains(_logger.Entries, x => x.Id.Id == 1103);
    }

    [Fact]
    public async Task Root_target_on_xmpps_client_only_rules_out_direct_tls()
    {
        _dns.Srv("_xmpps-client._tcp.example.com", Srv(".", 0))
            .Srv("_xmpp-client._tcp.example.com", Srv("xmpp.example.com", 5222))
            .Host("xmpp.example.com", "192.0.2.2");

        Assert.Equal(EndpointSource.XmppClientSrv, Assert.Single(await ResolveAsync()).Source);
    }

    [Fact]
    public async Task Root_target_on_xmpp_client_after_direct_tls_endpoints_ends_quietly()
    {
        _dns.Srv("_xmpps-client._tcp.example.com", Srv("tls.example.com", 443))
            .Srv("_xmpp-client._tcp.example.com", Srv(".", 0))
            .Host("tls.example.com", "192.0.2.1");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync());

        Assert.True(endpoint.DirectTls);
        Assert.DoesNotContain("SRV _jabber._tcp.example.com", _dns.Queries);
    }

    [Fact]
    public async Task Failed_srv_lookups_fall_through_to_the_next_step_and_are_logged()
    {
        _dns.SrvFails("_xmpps-client._tcp.example.com", "timed out")
            .SrvFails("_xmpp-client._tcp.example.com", "SERVFAIL")
            .Srv("_jabber._tcp.example.com", Srv("legacy.example.com", 5222))
            .Host("legacy.example.com", "192.0.2.3");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync());

        Assert.Equal(EndpointSource.JabberSrv, endpoint.Source);
        var warnings = _logger.Entries.Where(x => x.Id.Id == 1102).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains("SERVFAIL", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonexistent_domain_fails_saying_so()
    {
        var e = await Assert.ThrowsAsync<XmppException>(() => ResolveAsync("no-such-domain.example"));

        Assert.Contains("'no-such-domain.example' does not exist in DNS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Domain_with_no_address_records_is_yielded_with_the_reason()
    {
        _dns.Host("example.com");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync());

        Assert.Empty(endpoint.Addresses);
        Assert.Equal("it has no A or AAAA records", endpoint.ResolutionError);
    }

    [Fact]
    public async Task Unresolvable_srv_target_is_yielded_with_its_error_and_the_next_target_follows_without_domain_fallback()
    {
        _dns.Srv("_xmpp-client._tcp.example.com", Srv("broken.example.com", 5222, priority: 1), Srv("good.example.com", 5222, priority: 2))
            .HostFails("broken.example.com", "timed out")
            .Host("good.example.com", "192.0.2.5")
            .Host("example.com", "192.0.2.4");

        List<XmppEndpoint> endpoints = await ResolveAsync();

        Assert.Equal(["broken.example.com", "good.example.com"], endpoints.Select(e => e.Host));
        Assert.Empty(endpoints[0].Addresses);
        Assert.Equal("the address lookup failed: timed out", endpoints[0].ResolutionError);
        Assert.Null(endpoints[1].ResolutionError);
        Assert.DoesNotContain("ADDR example.com", _dns.Queries);
        Assert.Contains(_logger.Entries, x => x.Id.Id == 1104 && x.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Srv_targets_are_yielded_by_ascending_priority()
    {
        _dns.Srv("_xmpp-client._tcp.example.com", Srv("backup.example.com", 5222, priority: 20), Srv("main.example.com", 5222, priority: 10))
            .Host("backup.example.com", "192.0.2.6")
            .Host("main.example.com", "192.0.2.7");

        Assert.Equal(["main.example.com", "backup.example.com"], (await ResolveAsync()).Select(e => e.Host));
    }

    [Fact]
    public async Task Stray_root_target_among_real_records_is_ignored()
    {
        _dns.Srv("_xmpp-client._tcp.example.com", Srv(".", 0), Srv("xmpp.example.com", 5222)).Host("xmpp.example.com", "192.0.2.2");

        Assert.Equal("xmpp.example.com", Assert.Single(await ResolveAsync()).Host);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("localhost", "127.0.0.1")]
    public async Task Ip_literal_or_localhost_domain_needs_no_dns(string domain, string firstAddress)
    {
        XmppEndpoint endpoint = Assert.Single(await ResolveAsync(domain));

        Assert.Equal(IPAddress.Parse(firstAddress), endpoint.Addresses[0]);
        Assert.Equal(EndpointResolver.DefaultPort, endpoint.Port);
        Assert.Empty(_dns.Queries);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("10.1.2")]
    public async Task Numeric_names_that_are_not_dotted_quads_are_looked_up_in_dns(string domain)
    {
        _dns.Host(domain, "192.0.2.9");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync(domain, allowDirectTls: false));

        Assert.Equal([IPAddress.Parse("192.0.2.9")], endpoint.Addresses);
        Assert.Contains($"SRV _xmpp-client._tcp.{domain}", _dns.Queries);
    }

    [Fact]
    public async Task Localhost_and_ip_literal_srv_targets_need_no_address_lookup()
    {
        _dns.Srv("_xmpp-client._tcp.example.test", Srv("localhost", 15222, priority: 1), Srv("203.0.113.9", 5222, priority: 2));

        List<XmppEndpoint> endpoints = await ResolveAsync("example.test", allowDirectTls: false);

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], endpoints[0].Addresses);
        Assert.Equal(15222, endpoints[0].Port);
        Assert.Equal([IPAddress.Parse("203.0.113.9")], endpoints[1].Addresses);
        Assert.DoesNotContain(_dns.Queries, q => q.StartsWith("ADDR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Internationalized_domain_is_looked_up_in_its_ascii_form()
    {
        _dns.Host("xn--bcher-kva.example", "192.0.2.8");

        XmppEndpoint endpoint = Assert.Single(await ResolveAsync("bücher.example", allowDirectTls: false));

        Assert.Equal("xn--bcher-kva.example", endpoint.Host);
        Assert.Contains("SRV _xmpp-client._tcp.xn--bcher-kva.example", _dns.Queries);
    }

    [Fact]
    public async Task Endpoints_are_resolved_lazily_one_at_a_time()
    {
        _dns.Srv("_xmpp-client._tcp.example.com", Srv("one.example.com", 5222, priority: 1), Srv("two.example.com", 5222, priority: 2))
            .Host("one.example.com", "192.0.2.1")
            .Host("two.example.com", "192.0.2.2");

        await using IAsyncEnumerator<XmppEndpoint> enumerator = Resolver().ResolveAsync("example.com", allowDirectTls: false).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal("one.example.com", enumerator.Current.Host);
        Assert.DoesNotContain("ADDR two.example.com", _dns.Queries);
    }

    [Fact]
    public async Task Cancellation_stops_resolution()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Resolver().ResolveAsync("example.com", true, cts.Token).ToListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Configured_host_is_resolved_without_srv()
    {
        _dns.Host("xmpp.internal", "10.0.0.5");

        XmppEndpoint endpoint = await Resolver().ResolveHostAsync("xmpp.internal", 5223, directTls: true, CancellationToken.None);

        Assert.Equal("xmpp.internal:5223 (configured, direct TLS)", endpoint.ToString());
        Assert.Equal([IPAddress.Parse("10.0.0.5")], endpoint.Addresses);
        Assert.Equal(["ADDR xmpp.internal"], _dns.Queries);
    }

    [Fact]
    public async Task Configured_host_that_does_not_exist_fails_saying_so()
    {
        var e = await Assert.ThrowsAsync<XmppException>(() => Resolver().ResolveHostAsync("typo.internal", 5222, false, CancellationToken.None));

        Assert.Contains("'typo.internal' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_description_brackets_ipv6_literals()
    {
        var endpoint = new XmppEndpoint("2001:db8::1", 5222, false, EndpointSource.Configured, [IPAddress.Parse("2001:db8::1")]);

        Assert.Equal("[2001:db8::1]:5222 (configured)", endpoint.ToString());
    }
}
