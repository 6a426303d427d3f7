using System.Security.Cryptography;
using System.Text;
using Xmpp.Client.Tests.Sasl;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

/// <summary>SCRAM through the whole client: the exchange over the stream, and a server that cannot prove itself.</summary>
public class ScramLoginTests
{
    private const string Mechanisms = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256</mechanism><mechanism>PLAIN</mechanism></mechanisms>";

    private static Func<FakeServer, Task> ScramServer(Func<string, string> tamper, TaskCompletionSource<string?> afterFinal) => async server =>
    {
        var scram = new ScramTestServer(HashAlgorithmName.SHA256, "user", "pencil", RandomNumberGenerator.GetBytes(16), 4096, "srv");
        await server.AcceptStreamAsync(Mechanisms);
        var auth = await server.ExpectAsync("auth");
        Assert.Equal("SCRAM-SHA-256", auth.GetAttribute("mechanism"));
        var serverFirst = scram.GetServerFirst(Encoding.UTF8.GetString(Convert.FromBase64String(auth.Value)));
        await server.SendAsync($"<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>{Convert.ToBase64String(Encoding.UTF8.GetBytes(serverFirst))}</challenge>");
        var response = await server.ExpectAsync("response");
        var serverFinal = tamper(scram.GetServerFinal(Encoding.UTF8.GetString(Convert.FromBase64String(response.Value))));
        await server.SendAsync($"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>{Convert.ToBase64String(Encoding.UTF8.GetBytes(serverFinal))}</success>");
        try
        {
            // A client that trusted the success restarts the stream now.
            afterFinal.SetResult((await server.ReadStreamHeaderAsync()).To);
            await server.SendAsync("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='2'>" +
                                   "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
            var bind = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@example.com/r</jid></bind></iq>");
            await server.UntilClientClosesAsync();
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or XmppXmlException)
        {
            afterFinal.TrySetResult(null);
        }
    };

    [Fact]
    public async Task Scram_sha_256_logs_in_when_the_server_proves_it_knows_the_password()
    {
        var afterFinal = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(ScramServer(final => final, afterFinal));
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal("SCRAM-SHA-256", client.Negotiated!.SaslMechanism);
        }
    }

    [Fact]
    public async Task A_wrong_scram_server_signature_fails_the_login_before_the_stream_restarts()
    {
        var afterFinal = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(ScramServer(final => "v=" + Convert.ToBase64String(new byte[32]), afterFinal));
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() => client.ConnectAsync());
            Assert.Equal(SaslFailureCondition.ServerVerificationFailed, error.Condition);
            Assert.Null(await afterFinal.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(XmppClientState.Disconnected, client.State);
        }
    }

    [Fact]
    public async Task A_password_SASLprep_refuses_fails_the_login_as_an_authentication_error_before_anything_is_sent()
    {
        var sent = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.AcceptStreamAsync(Mechanisms);
            try
            {
                sent.TrySetResult((await server.ReadElementAsync())?.Name);
            }
            catch (EndOfStreamException)
            {
                sent.TrySetResult(null); // the client closed the connection without a word
            }
        }, TestClients.Options() with { Password = "bell\u0007" }); // a control character: SASLprep prohibits it
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() => client.ConnectAsync());
            Assert.Contains("password", error.Message, StringComparison.Ordinal);
        }

        await connector.ServersCompletion;
        Assert.NotEqual("auth", await sent.Task);
    }
}
