using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing;

namespace Xmpp.Client.Samples.Tests;

/// <summary>samples/EchoBot/Echo.cs on the in-memory server.</summary>
public sealed class EchoTests : IAsyncLifetime
{
    private readonly InMemoryXmppServer _server = new();
    private readonly Lines _output = new();
    private XmppClient _bot = null!;

    private Jid BotAccount => Jid.Parse($"bot@{_server.Domain}");

    public async Task InitializeAsync()
    {
        _server.AddAccount("bot", "bot-pass");
        _bot = _server.CreateClient("bot");
        Echo.Attach(_bot, _output);
        await Echo.GoOnlineAsync(_bot, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_echoes_a_chat_message_to_its_sender_and_prints_it()
    {
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendMessageAsync(BotAccount, "hello, echo");
        var echo = await alice.NextMessageAsync();

        Assert.Equal("hello, echo", echo.Body);
        Assert.Equal(MessageType.Chat, echo.Type);
        Assert.Equal(_bot.BoundJid, echo.From);
        Assert.Contains($"{alice.Jid}: hello, echo", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_answers_neither_a_message_without_a_body_nor_a_groupchat_message()
    {
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(new Message { To = BotAccount, Type = MessageType.Chat, Subject = "no body" });
        await alice.SendAsync(new Message { To = _bot.BoundJid, Type = MessageType.Groupchat, Body = "a room's line" });
        await alice.SendMessageAsync(BotAccount, "with a body");

        // Messages are handled in order: the first echo is of the third message, the other two got none.
        Assert.Equal("with a body", (await alice.NextMessageAsync()).Body);
        Assert.Single(_server.SentBy("bot"), stanza => stanza.Name.LocalName == "message");
    }

    [Fact]
    public async Task It_accepts_a_subscription_and_subscribes_back()
    {
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribe) { To = BotAccount });

        Assert.Equal(PresenceType.Subscribed, (await alice.NextPresenceAsync()).Type);
        Assert.Equal(_bot.BoundJid, (await alice.NextPresenceAsync()).From); // the bot's presence, now that alice may see it
        var request = await alice.NextPresenceAsync();
        Assert.Equal(PresenceType.Subscribe, request.Type);
        Assert.Equal(BotAccount, request.From);
        Assert.Contains($"Accepting the subscription request of {alice.Jid.Bare}", _output.ToString(), StringComparison.Ordinal);
        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribed) { To = BotAccount });
        await alice.SendMessageAsync(BotAccount, "friends now?");
        await alice.NextMessageAsync(); // the bot has handled alice's answer before this message
        Assert.Equal("both", _server.SubscriptionOf("bot", "alice"));
    }
}
