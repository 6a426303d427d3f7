using System.Xml.Linq;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>The roster against Prosody and ejabberd: carol adds, renames and removes bob; versioning; a spoofed push.</summary>
[Collection(ServersCollection.Name)]
public sealed class RosterTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>RosterLog.Unchanged: the server answered a versioned get with an empty result.</summary>
    private const int UnchangedEventId = 3103;

    /// <summary>RosterLog.SpoofedPush: a roster push from a sender other than the account was refused.</summary>
    private const int SpoofedPushEventId = 3100;

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Carol_adds_renames_and_removes_bob_and_each_change_is_pushed(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var bob = Jid.Parse(server.Account("bob").Jid);
        await using var carol = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        await RemoveIfPresentAsync(carol, bob);
        var changes = new EventWaiter<RosterChangedEventArgs>();
        carol.Roster.RosterChanged += changes.Handler;
        try
        {
            await carol.Roster.AddOrUpdateAsync(new RosterItem(bob, "Bob", ["Friends"]));
            var added = await changes.NextAsync(c => c.Item.Jid == bob, Wait, "the push adding bob");
            Assert.Equal(RosterChangeKind.Added, added.Kind);
            Assert.Equal(new RosterItem(bob, "Bob", ["Friends"]), added.Item);
            Assert.Equal(added.Item, carol.Roster.Items[bob]);
            Assert.Equal(added.Item, Assert.Single(await carol.Roster.GetAsync(), item => item.Jid == bob));

            await carol.Roster.AddOrUpdateAsync(new RosterItem(bob, "Bobby", ["Work", "Friends"]));
            var updated = await changes.NextAsync(c => c.Item.Jid == bob, Wait, "the push renaming bob");
            Assert.Equal(RosterChangeKind.Updated, updated.Kind);
            Assert.Equal(("Bobby", RosterSubscription.None), (updated.Item.Name, updated.Item.Subscription));
            Assert.Equal(["Friends", "Work"], updated.Item.Groups.Order());
            Assert.Equal(added.Item, updated.Previous);
            Assert.Equal(updated.Item, Assert.Single(await carol.Roster.GetAsync(), item => item.Jid == bob));

            await carol.Roster.RemoveAsync(bob);
            var removed = await changes.NextAsync(c => c.Item.Jid == bob, Wait, "the push removing bob");
            Assert.Equal(RosterChangeKind.Removed, removed.Kind);
            Assert.False(carol.Roster.Items.ContainsKey(bob));
            Assert.DoesNotContain(await carol.Roster.GetAsync(), item => item.Jid == bob);
        }
        finally
        {
            await RemoveIfPresentAsync(carol, bob);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Versioning_sends_the_last_version_after_a_reconnect_and_sees_changes_made_meanwhile(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var bob = Jid.Parse(server.Account("bob").Jid);
        var logs = new LogCapture();
        await using var carol = new XmppClient(ClientFactory.Options(fixture.Servers, server, "carol", resource: "versioned"), logs);
        await using var other = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol", resource: "other"));
        var changes = new EventWaiter<RosterChangedEventArgs>();
        carol.Roster.RosterChanged += changes.Handler;
        await carol.ConnectAsync();
        try
        {
            Assert.NotNull(carol.Negotiated!.Features.Element("ver", "urn:xmpp:features:rosterver"));
            await carol.Roster.GetAsync();
            Assert.NotNull(carol.Roster.Version);
            await carol.Roster.AddOrUpdateAsync(new RosterItem(bob, "Before"));
            await changes.NextAsync(c => c.Item.Jid == bob, Wait, "the push adding bob");
            var version = carol.Roster.Version;

            // Unchanged while away: the server answers "unchanged" (an empty result) and the items in memory stand.
            await carol.DisconnectAsync();
            await carol.ConnectAsync();
            var unchanged = logs.Events.Count(e => e.Id == UnchangedEventId);
            var again = await carol.Roster.GetAsync();
            Assert.Equal(unchanged + 1, logs.Events.Count(e => e.Id == UnchangedEventId));
            Assert.Equal(version, carol.Roster.Version);
            Assert.Equal("Before", Assert.Single(again, item => item.Jid == bob).Name);

            // Changed while away: the fetch (or the pushes right after it) bring the change.
            await carol.DisconnectAsync();
            await other.Roster.AddOrUpdateAsync(new RosterItem(bob, "Seen later"));
            await carol.ConnectAsync();
            await carol.Roster.GetAsync();
            if (carol.Roster.Items[bob].Name != "Seen later")
            {
                await changes.NextAsync(c => c.Item.Name == "Seen later", Wait, "the push renaming bob");
            }

            Assert.Equal("Seen later", carol.Roster.Items[bob].Name);
            Assert.NotEqual(version, carol.Roster.Version);
        }
        finally
        {
            await RemoveIfPresentAsync(other, bob);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_roster_push_from_another_account_is_refused_service_unavailable(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var logs = new LogCapture();
        await using var carol = new XmppClient(ClientFactory.Options(fixture.Servers, server, "carol"), logs);
        await carol.ConnectAsync();
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        await carol.Roster.GetAsync();
        var before = carol.Roster.Items;
        var mallory = $"mallory@{server.Domain}";
        var spoof = new Iq(IqType.Set, new XElement(XName.Get("query", "jabber:iq:roster"), new XElement(XName.Get("item", "jabber:iq:roster"), new XAttribute("jid", mallory))))
        {
            To = carol.BoundJid,
        };

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => bob.SendIqAsync(spoof));

        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
        Assert.Contains(logs.Events, e => e.Id == SpoofedPushEventId); // refused by carol's client, not by the server
        Assert.Same(before, carol.Roster.Items);
        Assert.DoesNotContain(await carol.Roster.GetAsync(), item => item.Jid == Jid.Parse(mallory));
    }

    /// <summary>Fetches the roster (which also makes the session receive pushes) and removes <paramref name="jid"/> if there.</summary>
    private static async Task RemoveIfPresentAsync(XmppClient client, Jid jid)
    {
        if ((await client.Roster.GetAsync()).Any(item => item.Jid == jid))
        {
            await client.Roster.RemoveAsync(jid);
        }
    }
}
