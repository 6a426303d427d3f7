using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Net;

public class ConnectionFactoryTests
{
    [Fact]
    public async Task The_client_runs_its_session_over_the_stream_of_the_options_connection_factory()
    {
        var factory = new ScriptedFactory(server => server.LoginAsync());
        await using var client = new XmppClient(TestClients.Options() with { ConnectionFactory = factory });

        await client.ConnectAsync();

        Assert.Equal("user@example.com/test", client.BoundJid?.ToString());
        Assert.Equal(["example.com"], factory.Domains);
    }

    [Fact]
    public async Task A_failing_connection_factory_fails_ConnectAsync_with_its_exception()
    {
        var factory = new ScriptedFactory(_ => Task.CompletedTask) { Failure = new XmppConnectException("example.com", []) };
        await using var client = new XmppClient(TestClients.Options() with { ConnectionFactory = factory });

        await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());
        Assert.Equal(XmppClientState.Disconnected, client.State);
    }

    [Fact]
    public async Task With_DirectTls_the_client_runs_the_TLS_handshake_first_on_the_factory_stream()
    {
        using var certificate = TestCertificates.SelfSigned(FakeServer.Domain);
        var factory = new ScriptedFactory(server => server.LoginAsync())
        {
            Tls = certificate,
        };
        var options = TestClients.Options() with
        {
            ConnectionFactory = factory,
            TlsMode = TlsMode.DirectTls,
            TrustedCertificates = [TestCertificates.PublicPart(certificate)],
        };
        await using var client = new XmppClient(options);

        await client.ConnectAsync();

        Assert.Equal("user@example.com/test", client.BoundJid?.ToString());
    }

    private sealed class ScriptedFactory(Func<FakeServer, Task> script) : XmppConnectionFactory
    {
        public List<string> Domains { get; } = [];

        public Exception? Failure { get; init; }

        public System.Security.Cryptography.X509Certificates.X509Certificate2? Tls { get; init; }

        public override ValueTask<Stream> ConnectAsync(string domain, string? redirect, CancellationToken cancellationToken)
        {
            Domains.Add(domain);
            if (Failure is not null)
            {
                throw Failure;
            }

            var (client, server) = DuplexStream.CreatePair();
            _ = Task.Run(async () =>
            {
                Stream stream = server;
                if (Tls is not null)
                {
                    var tls = new System.Net.Security.SslStream(server);
                    await tls.AuthenticateAsServerAsync(new System.Net.Security.SslServerAuthenticationOptions { ServerCertificate = Tls });
                    stream = tls;
                }

                await using var fake = new FakeServer(stream);
                await script(fake);
                await fake.UntilClientClosesAsync();
            }, CancellationToken.None);
            return ValueTask.FromResult<Stream>(client);
        }
    }
}
