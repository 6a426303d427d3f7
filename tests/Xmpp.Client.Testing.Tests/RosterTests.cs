using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

public class RosterTests
{
    [Fact]
    public async Task A_roster_item_set_by_one_resource_is_pushed_to_the_others_and_returned_by_a_get()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var first = new XmppClient(server.CreateClientOptions("bot", "first"));
        await using var second = new XmppClient(server.CreateClientOptions("bot", "second"));
        var pushed = new Waiter<RosterChangedEventArgs>();
        second.Roster.RosterChanged += change =>
        {
            pushed.Add(change);
            return Task.CompletedTask;
        };
        await first.ConnectAsync();
        await second.ConnectAsync();
        await second.Roster.GetAsync();

        await first.Roster.AddOrUpdateAsync(new RosterItem(Jid.Parse("carol@example.com"), "Carol", ["Friends"]));

        var change = await pushed.NextAsync();
        Assert.Equal("Carol", change.Item.Name);
        var item = Assert.Single(await first.Roster.GetAsync());
        Assert.Equal(Jid.Parse("carol@example.com"), item.Jid);
        Assert.Equal(["Friends"], item.Groups);
        Assert.Equal("none", server.SubscriptionOf("bot", "carol"));
    }

    [Fact]
    public async Task A_subscription_request_approved_by_the_contact_gives_the_requester_its_presence()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        var botPresences = Waiter<Presence>.Presences(bot);
        await bot.ConnectAsync();
        await bot.Roster.GetAsync();
        await bot.SendAsync(new Presence { Status = "serving" });
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribe) { To = Jid.Parse("bot@example.com") });
        var request = await botPresences.NextAsync();
        await bot.SendAsync(new Presence(PresenceType.Subscribed) { To = request.From!.Value.Bare });

        Assert.Equal(PresenceType.Subscribe, request.Type);
        Assert.Equal(alice.Jid.Bare, request.From);
        Assert.Equal(PresenceType.Subscribed, (await alice.NextPresenceAsync()).Type);
        var presence = await alice.NextPresenceAsync();
        Assert.Equal(bot.BoundJid, presence.From);
        Assert.Equal("serving", presence.Status);
        Assert.Equal("to", server.SubscriptionOf("alice", "bot"));
        Assert.Equal("from", server.SubscriptionOf("bot", "alice"));
    }

    [Fact]
    public async Task A_request_to_an_offline_contact_waits_for_its_initial_presence()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var alice = await server.ConnectPeerAsync("alice");

        await alice.SendPresenceAsync(new Presence(PresenceType.Subscribe) { To = Jid.Parse("bot@example.com") });
        await using var bot = server.CreateClient("bot");
        var botPresences = Waiter<Presence>.Presences(bot);
        await bot.ConnectAsync();
        await bot.SendAsync(new Presence());

        var request = await botPresences.NextAsync();
        Assert.Equal(PresenceType.Subscribe, request.Type);
        Assert.Equal(alice.Jid.Bare, request.From);
    }

    [Fact]
    public async Task Unsubscribed_revokes_the_subscription_and_tells_the_contact_the_resources_went_away()
    {
        await using var server = new InMemoryXmppServer();
        await using var bob = await server.ConnectPeerAsync("bob");
        await using var alice = await server.ConnectPeerAsync("alice");
        server.Befriend("alice", "bob");
        await alice.SendPresenceAsync(new Presence { Status = "again" });
        Assert.Equal("again", (await bob.NextPresenceAsync()).Status);

        await alice.SendPresenceAsync(new Presence(PresenceType.Unsubscribed) { To = bob.Jid.Bare });

        Assert.Equal(PresenceType.Unsubscribed, (await bob.NextPresenceAsync()).Type);
        var gone = await bob.NextPresenceAsync();
        Assert.Equal(PresenceType.Unavailable, gone.Type);
        Assert.Equal(alice.Jid, gone.From);
        Assert.Equal("from", server.SubscriptionOf("bob", "alice"));
        Assert.Equal("to", server.SubscriptionOf("alice", "bob"));
    }
}
