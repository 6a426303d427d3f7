using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

/// <summary>The EchoBot sample's logic, tested against the in-memory server in milliseconds.</summary>
public class EchoBotTests
{
    private static readonly Jid Bot = Jid.Parse("bot@example.com");

    [Fact]
    public async Task EchoBot_echoes_a_chat_message_to_its_sender()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        await EchoBot.StartAsync(bot);
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(Bot, "hello, echo");
        var echo = await alice.NextMessageAsync();

        Assert.Equal("hello, echo", echo.Body);
        Assert.Equal(MessageType.Chat, echo.Type);
        Assert.Equal(bot.BoundJid, echo.From);
    }

    [Fact]
    public async Task EchoBot_does_not_echo_a_message_without_a_body()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        await EchoBot.StartAsync(bot);
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendAsync(new Message { To = Bot, Type = MessageType.Chat, Subject = "no body" });
        await alice.SendMessageAsync(Bot, "with a body");

        // The first echo is of the second message: the first one got none.
        Assert.Equal("with a body", (await alice.NextMessageAsync()).Body);
        Assert.DoesNotContain(server.SentBy("bot"), stanza => stanza.Name.LocalName == "message" && stanza.Value.Contains("no body", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EchoBot_accepts_a_subscription_and_subscribes_back()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        await EchoBot.StartAsync(bot);
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribe) { To = Bot });

        Assert.Equal(PresenceType.Subscribed, (await alice.NextPresenceAsync()).Type);
        Assert.Equal(bot.BoundJid, (await alice.NextPresenceAsync()).From);
        var request = await alice.NextPresenceAsync();
        Assert.Equal(PresenceType.Subscribe, request.Type);
        Assert.Equal(Bot, request.From);
        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribed) { To = Bot });
        await alice.SendMessageAsync(Bot, "friends now?");
        await alice.NextMessageAsync();
        Assert.Equal("both", server.SubscriptionOf("alice", "bot"));
        Assert.Equal("both", server.SubscriptionOf("bot", "alice"));
    }
}
