using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class TlsTests
{
    private const string StartTls = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>";

    private static Func<FakeServer, Task> TlsServer(X509Certificate2 certificate, TaskCompletionSource<bool>? loggedIn = null) => async server =>
    {
        await server.AcceptStreamAsync(StartTls);
        await server.ExpectAsync("starttls");
        await server.ProceedWithTlsAsync(certificate);
        await server.LoginAsync();
        loggedIn?.SetResult(true);
        await server.UntilClientClosesAsync();
    };

    [Fact]
    public async Task Starttls_with_a_trusted_certificate_encrypts_then_logs_in()
    {
        using var certificate = TestCertificates.SelfSigned(FakeServer.Domain);
        var options = TestClients.Options() with
        {
            TlsMode = TlsMode.Required,
            TrustedCertificates = [TestCertificates.PublicPart(certificate)],
        };
        var (client, _) = TestClients.Create(TlsServer(certificate), options);
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal(XmppClientState.Connected, client.State);
        }
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_with_the_chain_problem_named()
    {
        using var certificate = TestCertificates.SelfSigned(FakeServer.Domain);
        var options = TestClients.Options() with { TlsMode = TlsMode.Required };
        var (client, _) = TestClients.Create(TlsServer(certificate), options);
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppTlsException>(() => client.ConnectAsync());
            Assert.True(error.CertificateErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.Contains("not trusted", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_certificate_for_another_name_fails_with_the_name_mismatch_named()
    {
        using var certificate = TestCertificates.SelfSigned("other.example.net");
        var options = TestClients.Options() with
        {
            TlsMode = TlsMode.Required,
            TrustedCertificates = [TestCertificates.PublicPart(certificate)],
        };
        var (client, _) = TestClients.Create(TlsServer(certificate), options);
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppTlsException>(() => client.ConnectAsync());
            Assert.True(error.CertificateErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch));
            Assert.Contains("not valid for 'example.com'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failed_starttls_is_refused_before_any_credential_is_sent()
    {
        FakeServer? seen = null;
        var options = TestClients.Options() with { TlsMode = TlsMode.Required };
        var (client, connector) = TestClients.Create(async server =>
        {
            seen = server;
            await server.AcceptStreamAsync(StartTls + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>");
            await server.ExpectAsync("starttls");
            await server.SendAsync("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            await Assert.ThrowsAsync<XmppTlsException>(() => client.ConnectAsync());
            Assert.DoesNotContain(seen!.Received, xml => xml.Contains("auth", StringComparison.Ordinal));
        }
    }
}
