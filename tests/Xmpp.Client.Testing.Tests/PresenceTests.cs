using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

public class PresenceTests
{
    [Fact]
    public async Task Presence_is_broadcast_to_subscribed_contacts_and_their_presence_is_sent_back_on_initial_presence()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var alice = await server.ConnectPeerAsync("alice");
        server.Befriend("bot", "alice");
        await using var bot = server.CreateClient("bot");
        var botPresences = Waiter<Presence>.Presences(bot);
        await bot.ConnectAsync();

        await bot.SendAsync(new Presence { Show = PresenceShow.Chat });

        var seen = await alice.NextPresenceAsync();
        Assert.Equal(bot.BoundJid, seen.From);
        Assert.Equal(PresenceShow.Chat, seen.Show);
        var probed = await botPresences.NextAsync();
        Assert.Equal(alice.Jid, probed.From);
        Assert.Equal(PresenceType.Available, probed.Type);
    }

    [Fact]
    public async Task A_client_that_disconnects_is_seen_unavailable_by_its_contacts()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");
        var bob = await server.ConnectPeerAsync("bob");
        server.Befriend("bob", "alice");
        await bob.SendPresenceAsync(new Presence());
        Assert.Equal(PresenceType.Available, (await alice.NextPresenceAsync()).Type);

        await bob.DisposeAsync();

        var gone = await alice.NextPresenceAsync();
        Assert.Equal(PresenceType.Unavailable, gone.Type);
        Assert.Equal(Jid.Parse("bob@example.com/peer"), gone.From);
    }

    [Fact]
    public async Task Presence_is_not_sent_to_accounts_that_are_not_subscribed()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");
        await using var carol = await server.ConnectPeerAsync("carol");
        await using var bob = await server.ConnectPeerAsync("bob");
        server.Befriend("bob", "carol");

        await bob.SendPresenceAsync(new Presence { Status = "for friends" });
        Assert.Equal("for friends", (await carol.NextPresenceAsync()).Status);
        await bob.SendMessageAsync(alice.Jid, "after the presence");

        // Alice's first stanza from bob is the later message; no presence was queued before it.
        Assert.Equal("after the presence", (await alice.NextMessageAsync()).Body);
        Assert.False(alice.TryNextPresence(out _));
    }
}
