using System.Text;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

public class RobustnessTests
{
    [Fact]
    public async Task Xml_the_server_does_not_accept_ends_the_stream_with_a_stream_error()
    {
        await using var server = new InMemoryXmppServer();
        await using var stream = await server.ConnectionFactory.ConnectAsync("example.com", null, CancellationToken.None);

        await stream.WriteAsync(Encoding.UTF8.GetBytes(
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'><!-- x -->"));
        await stream.FlushAsync();
        var received = await ReadToEndAsync(stream);

        Assert.Contains("<mechanism>PLAIN</mechanism>", received, StringComparison.Ordinal);
        Assert.EndsWith("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_for_another_domain_is_refused_with_XmppConnectException()
    {
        await using var server = new InMemoryXmppServer("example.com");
        await using var client = new XmppClient(new XmppClientOptions
        {
            Jid = Jid.Parse("bot@example.org"),
            Password = "pw",
            TlsMode = TlsMode.Disabled,
            ConnectionFactory = server.ConnectionFactory,
        });

        await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());
    }

    [Fact]
    public async Task A_message_to_another_domain_bounces_with_remote_server_not_found()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(Jid.Parse("romeo@montague.example"), "far away");
        var bounce = await alice.NextMessageAsync();

        Assert.Equal(MessageType.Error, bounce.Type);
        Assert.Equal(StanzaErrorCondition.RemoteServerNotFound, bounce.Error?.Condition);
    }

    [Fact]
    public async Task Waiting_for_a_stanza_that_does_not_come_fails_with_TimeoutException()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => alice.NextMessageAsync(TimeSpan.FromMilliseconds(1)));

        Assert.Contains("alice@example.com/peer", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, limit.Token)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
