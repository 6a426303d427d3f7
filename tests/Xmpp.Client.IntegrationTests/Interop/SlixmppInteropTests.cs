using Xmpp.Client.IntegrationTests.Samples;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Interop;

/// <summary>
/// Interoperability with another XMPP library: the samples talk to a slixmpp client (tests/interop/slix_peer.py)
/// through Prosody and ejabberd.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SlixmppInteropTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_message_from_SendMessage_reaches_a_slixmpp_client(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var (sender, carol) = (server.Account("sender").Jid, server.Account("carol").Jid);
        var body = $"to slixmpp {Guid.NewGuid():N} <&'\"> é ✓";
        await using var peer = SlixPeer.Start(fixture.Servers, server, "carol", ["receive", "--from", sender]);
        await peer.WaitForLineAsync(l => SlixPeer.IsEvent(l, "online"), SampleProcessTests.LoginTimeout, "slixmpp online");

        await using var send = Sample.Start("SendMessage", fixture.Servers, server, "sender", ["--to", carol, "--body", body]);
        Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, send.Describe());

        var received = await peer.WaitForLineAsync(l => SlixPeer.IsEvent(l, "message"), SampleProcessTests.RunTimeout, "the message");
        Assert.Equal(body, SlixPeer.Field(received, "body"));
        Assert.StartsWith($"{sender}/", SlixPeer.Field(received, "from"), StringComparison.Ordinal);
        Assert.Equal("chat", SlixPeer.Field(received, "type"));
        Assert.True(await peer.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, peer.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task EchoBot_echoes_a_message_a_slixmpp_client_sends(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var (bot, carol) = (server.Account("bot").Jid, server.Account("carol").Jid);
        var body = $"from slixmpp {Guid.NewGuid():N} <&'\"> é ✓";
        await using var echoBot = Sample.Start("EchoBot", fixture.Servers, server, "bot", []);
        await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");

        await using var peer = SlixPeer.Start(fixture.Servers, server, "carol", ["send", "--to", bot, "--body", body]);
        Assert.True(await peer.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, peer.Describe());
        var reply = peer.Lines.Single(l => SlixPeer.IsEvent(l, "message"));
        Assert.Equal(body, SlixPeer.Field(reply, "body"));
        Assert.StartsWith($"{bot}/", SlixPeer.Field(reply, "from"), StringComparison.Ordinal);
        Assert.StartsWith($"{carol}/", SlixPeer.Field(reply, "to"), StringComparison.Ordinal);
        await echoBot.WaitForLineAsync(l => l.StartsWith($"{carol}/", StringComparison.Ordinal) && l.EndsWith($": {body}", StringComparison.Ordinal),
            SampleProcessTests.RunTimeout, "the message EchoBot received");

        echoBot.Terminate();
        Assert.True(await echoBot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, echoBot.Describe());
    }
}
