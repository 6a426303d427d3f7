using System.Text;
using System.Xml.Linq;
using DnsClient;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests;

/// <summary>The test servers answer as the integration tests expect (raw XMPP and DNS, no client library).</summary>
[Collection(ServersCollection.Name)]
public sealed class ServerSmokeTests(ServersFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static TheoryData<string, string[]> ScramByServer => new()
    {
        { "prosody", ["SCRAM-SHA-1", "SCRAM-SHA-256"] },
        { "ejabberd", ["SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512"] },
    };

    [Theory]
    [MemberData(nameof(ScramByServer))]
    public async Task Server_requires_starttls_then_offers_scram_over_tls_trusted_by_the_test_ca(
        string name, string[] mechanisms)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var server = ServerNamed(name);
        using var ca = fixture.Servers.LoadCaCertificate();
        await using var stream = await RawXmppStream.ConnectAsync(server.EndPoint, timeout.Token);

        var plain = await stream.OpenStreamAsync(server.Domain, timeout.Token);
        var starttls = plain.Element(RawXmppStream.Tls + "starttls");
        Assert.NotNull(starttls);
        Assert.NotNull(starttls.Element(RawXmppStream.Tls + "required"));
        Assert.Null(plain.Element(RawXmppStream.Sasl + "mechanisms"));

        await stream.StartTlsAsync(server.Domain, ca, timeout.Token);
        var secured = await stream.OpenStreamAsync(server.Domain, timeout.Token);
        Assert.Null(secured.Element(RawXmppStream.Tls + "starttls"));
        var offered = Mechanisms(secured);
        Assert.All(mechanisms, m => Assert.Contains(m, offered));
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Server_offers_scram_on_its_direct_tls_port(string name)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var server = ServerNamed(name);
        Assert.NotNull(server.DirectTlsPort);
        using var ca = fixture.Servers.LoadCaCertificate();
        await using var stream = await RawXmppStream.ConnectAsync(
            new(server.Host, server.DirectTlsPort.Value), timeout.Token);

        await stream.AuthenticateTlsAsync(server.Domain, ca, timeout.Token);
        var features = await stream.OpenStreamAsync(server.Domain, timeout.Token);
        Assert.Contains("SCRAM-SHA-1", Mechanisms(features));
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Test_account_alice_authenticates_with_plain_after_starttls(string name)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var server = ServerNamed(name);
        var alice = server.Account("alice");
        using var ca = fixture.Servers.LoadCaCertificate();
        await using var stream = await RawXmppStream.ConnectAsync(server.EndPoint, timeout.Token);
        await stream.OpenStreamAsync(server.Domain, timeout.Token);
        await stream.StartTlsAsync(server.Domain, ca, timeout.Token);
        await stream.OpenStreamAsync(server.Domain, timeout.Token);

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{alice.User}\0{alice.Password}"));
        await stream.SendAsync($"<auth xmlns='{RawXmppStream.Sasl}' mechanism='PLAIN'>{credentials}</auth>", timeout.Token);
        var answer = await stream.ReadUntilAsync("/>", timeout.Token);

        Assert.StartsWith("<success", answer.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dns_serves_srv_client_test_with_the_live_prosody_port_before_the_dead_one()
    {
        var servers = fixture.Servers;
        var response = await Lookup().QueryAsync("_xmpp-client._tcp.srv-client.test", QueryType.SRV);

        var records = response.Answers.SrvRecords().OrderBy(r => r.Priority).ToArray();
        Assert.Equal(2, records.Length);
        Assert.Equal("xmpp.srv-client.test.", records[0].Target.Value);
        Assert.Equal(servers.Prosody.Port, records[0].Port);
        Assert.Equal(servers.Dns.DeadPort, records[1].Port);
    }

    [Fact]
    public async Task Dns_serves_a_dot_target_for_dot_test()
    {
        var response = await Lookup().QueryAsync("_xmpp-client._tcp.dot.test", QueryType.SRV);

        var record = Assert.Single(response.Answers.SrvRecords());
        Assert.Equal(".", record.Target.Value);
    }

    [Fact]
    public async Task Dns_answers_nxdomain_for_missing_test()
    {
        var response = await Lookup().QueryAsync("missing.test", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
    }

    private LookupClient Lookup() => new(new LookupClientOptions(fixture.Servers.Dns.EndPoint)
    {
        UseCache = false,
        Retries = 0,
        Timeout = TimeSpan.FromSeconds(5),
    });

    private XmppTestServer ServerNamed(string name) => name switch
    {
        "prosody" => fixture.Servers.Prosody,
        "ejabberd" => fixture.Servers.Ejabberd,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test server."),
    };

    private static string[] Mechanisms(XElement features) =>
        features.Element(RawXmppStream.Sasl + "mechanisms")?.Elements(RawXmppStream.Sasl + "mechanism")
            .Select(m => m.Value).ToArray() ?? [];
}
