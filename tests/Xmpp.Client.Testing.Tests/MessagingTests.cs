using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

public class MessagingTests
{
    private static readonly Jid Bot = Jid.Parse("bot@example.com");

    [Fact]
    public async Task A_peer_message_reaches_the_bot_and_the_bot_reply_reaches_the_peer()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        var received = Waiter<Message>.Messages(bot);
        await bot.ConnectAsync();
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(Bot, "ping?");
        var message = await received.NextAsync();
        await bot.SendAsync(message.CreateReply("pong!"));
        var reply = await alice.NextMessageAsync();

        Assert.Equal("ping?", message.Body);
        Assert.Equal(alice.Jid, message.From);
        Assert.Equal("pong!", reply.Body);
        Assert.Equal(bot.BoundJid, reply.From);
    }

    [Fact]
    public async Task A_message_to_an_account_with_no_connected_client_bounces_with_service_unavailable()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("carol", "pw");
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(Jid.Parse("carol@example.com"), "anyone?");
        var bounce = await alice.NextMessageAsync();

        Assert.Equal(MessageType.Error, bounce.Type);
        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, bounce.Error?.Condition);
    }

    [Fact]
    public async Task A_message_to_the_bare_jid_goes_to_the_available_resource_with_the_highest_priority()
    {
        await using var server = new InMemoryXmppServer();
        await using var high = await server.ConnectPeerAsync("bob");
        server.AddAccount("alice", "pw");
        await using var low = new XmppClient(server.CreateClientOptions("bob", "low"));
        var lowMessages = Waiter<Message>.Messages(low);
        await low.ConnectAsync();
        await low.SendAsync(new Presence { Priority = -1 });
        await high.NextPresenceAsync(); // the server has taken low's presence (it reflects it to bob's other resources)
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(Jid.Parse("bob@example.com"), "to the bare JID");
        await alice.SendMessageAsync(low.BoundJid!.Value, "to low itself");

        Assert.Equal("to the bare JID", (await high.NextMessageAsync()).Body);
        Assert.Equal("to low itself", (await lowMessages.NextAsync()).Body);
    }

    [Fact]
    public async Task SentBy_lists_what_an_account_sent_with_from_stamped()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        await bot.ConnectAsync();
        await using var alice = await server.ConnectPeerAsync("alice");

        await bot.SendAsync(new Message(alice.Jid.Bare, "hello"));
        await alice.NextMessageAsync();

        var sent = Assert.Single(server.SentBy("bot"), stanza => stanza.Name.LocalName == "message");
        Assert.Equal("hello", (string?)sent.Element((System.Xml.Linq.XNamespace)"jabber:client" + "body"));
        Assert.Equal(bot.BoundJid.ToString(), (string?)sent.Attribute("from"));
    }
}
