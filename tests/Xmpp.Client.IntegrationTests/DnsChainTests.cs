using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests;

/// <summary>Finding the server through DNS (dnsmasq serving the .test zone): the SRV chain and its failures.</summary>
[Collection(ServersCollection.Name)]
public sealed class DnsChainTests(ServersFixture fixture)
{
    private XmppClientOptions OptionsFor(string domain) => new()
    {
        Jid = Jid.Parse($"alice@{domain}"),
        Password = "alice-pass",
        DnsServers = [fixture.Servers.Dns.EndPoint],
        TrustedCertificates = ClientFactory.Trust(fixture.Servers),
        ConnectTimeout = TimeSpan.FromSeconds(3),
        NegotiationTimeout = TimeSpan.FromSeconds(20),
    };

    [Theory]
    [InlineData("srv-client.test")]   // _xmpp-client._tcp
    [InlineData("srv-fallback.test")] // _xmpp-client._tcp, first target dead
    [InlineData("srv-jabber.test")]   // only _jabber._tcp
    public async Task Connects_through_the_srv_records(string domain)
    {
        await using var client = await ClientFactory.ConnectedAsync(OptionsFor(domain));
        Assert.Equal(domain, client.BoundJid!.Value.Domain);
    }

    [Fact]
    public async Task A_domain_without_srv_falls_back_to_port_5222()
    {
        await using var client = new XmppClient(OptionsFor("nosrv.test"));
        if (fixture.Servers.Prosody.ListensOn5222)
        {
            await client.ConnectAsync();
            Assert.Equal("nosrv.test", client.BoundJid!.Value.Domain);
        }
        else
        {
            // Something else holds 127.0.0.1:5222 on this machine: the attempt must still go to the fallback, and
            // either fail there (the error names it) or reach a server whose certificate is not for the domain.
            var error = await Assert.ThrowsAnyAsync<XmppException>(() => client.ConnectAsync());
            Assert.True(error.Message.Contains("nosrv.test:5222", StringComparison.Ordinal) || error is XmppTlsException, error.Message);
        }
    }

    [Fact]
    public async Task A_dot_target_fails_saying_the_domain_offers_no_service()
    {
        await using var client = new XmppClient(OptionsFor("dot.test"));
        var error = await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());
        Assert.Contains("_xmpp-client._tcp.dot.test", error.Message, StringComparison.Ordinal);
        Assert.Contains("no XMPP client service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_domain_fails_saying_it_does_not_exist()
    {
        await using var client = new XmppClient(OptionsFor("missing.test"));
        var error = await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());
        Assert.Contains("missing.test", error.Message, StringComparison.Ordinal);
        Assert.Contains("not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_first_target_is_listed_with_its_failure_when_all_fail()
    {
        var options = OptionsFor("srv-fallback.test") with { Jid = Jid.Parse("alice@srv-fallback.test"), Host = "127.0.0.1", Port = fixture.Servers.Dns.DeadPort };
        await using var client = new XmppClient(options);
        var error = await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());
        Assert.Single(error.Attempts);
        Assert.Contains($"127.0.0.1:{fixture.Servers.Dns.DeadPort}", error.Attempts[0].Endpoint, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", error.Attempts[0].Reason, StringComparison.Ordinal);
    }
}
