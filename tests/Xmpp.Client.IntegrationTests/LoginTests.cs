using System.Net.Security;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests;

/// <summary>Logging in to real Prosody and ejabberd: STARTTLS, SASL, binding, and what fails.</summary>
[Collection(ServersCollection.Name)]
public sealed class LoginTests(ServersFixture fixture)
{
    public static TheoryData<string, string> MechanismsByServer => new()
    {
        { "prosody", "SCRAM-SHA-1" },
        { "prosody", "SCRAM-SHA-256" },
        { "prosody", "PLAIN" },
        { "ejabberd", "SCRAM-SHA-1" },
        { "ejabberd", "SCRAM-SHA-256" },
        { "ejabberd", "SCRAM-SHA-512" },
        { "ejabberd", "PLAIN" },
    };

    [Theory]
    [MemberData(nameof(MechanismsByServer))]
    public async Task Logs_in_over_starttls_with_each_mechanism(string serverName, string mechanism)
    {
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server) with { SaslMechanisms = [mechanism] };
        await using var client = await ClientFactory.ConnectedAsync(options);
        Assert.Equal(XmppClientState.Connected, client.State);
        Assert.Equal(Jid.Parse(server.Account("alice").Jid), client.BoundJid!.Value.Bare);
        Assert.False(client.BoundJid.Value.IsBare);
        Assert.Equal(mechanism, client.Negotiated!.SaslMechanism);
        Assert.True(client.Negotiated.IsEncrypted);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Strongest_mechanism_is_chosen_by_default(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        Assert.StartsWith("SCRAM-SHA-", client.Negotiated!.SaslMechanism, StringComparison.Ordinal);
        Assert.Equal(serverName == "ejabberd" ? "SCRAM-SHA-512" : "SCRAM-SHA-256", client.Negotiated.SaslMechanism.Replace("-PLUS", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prosody", "SCRAM-SHA-256-PLUS")]
    [InlineData("ejabberd", "SCRAM-SHA-512-PLUS")]
    public async Task Uses_channel_binding_where_the_server_offers_it(string serverName, string expected)
    {
        // Both servers bind with tls-unique only, which exists up to TLS 1.2 (on TLS 1.3 they offer no usable -PLUS).
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server) with { TlsProtocols = System.Security.Authentication.SslProtocols.Tls12 };
        await using var client = await ClientFactory.ConnectedAsync(options);
        Assert.Equal(expected, client.Negotiated!.SaslMechanism);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Binds_the_requested_resource(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob", resource: "integration"));
        Assert.Equal("integration", client.BoundJid!.Value.Resource);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Logs_in_over_direct_tls(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server) with { TlsMode = TlsMode.DirectTls, Port = server.DirectTlsPort };
        await using var client = await ClientFactory.ConnectedAsync(options);
        Assert.True(client.Negotiated!.IsEncrypted);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task An_untrusted_certificate_fails_with_a_certificate_error(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server) with { TrustedCertificates = null };
        await using var client = new XmppClient(options);
        var error = await Assert.ThrowsAsync<XmppTlsException>(() => client.ConnectAsync());
        Assert.True(error.CertificateErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors), error.Message);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_wrong_password_fails_with_not_authorized(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server) with { Password = "wrong" };
        await using var client = new XmppClient(options);
        var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() => client.ConnectAsync());
        Assert.Equal(SaslFailureCondition.NotAuthorized, error.Condition);
    }

    [Fact]
    public async Task Logs_in_anonymously_on_an_anonymous_domain()
    {
        var server = fixture.Servers.Prosody;
        var options = ClientFactory.Options(fixture.Servers, server) with { Jid = Jid.Parse(server.AnonymousDomain!), Password = null };
        await using var client = await ClientFactory.ConnectedAsync(options);
        Assert.Equal("ANONYMOUS", client.Negotiated!.SaslMechanism);
        Assert.Equal(server.AnonymousDomain, client.BoundJid!.Value.Domain);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Disconnect_closes_the_stream_cleanly(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        await client.DisconnectAsync();
        Assert.Equal(XmppClientState.Disconnected, client.State);
        await client.DisposeAsync();
    }
}
