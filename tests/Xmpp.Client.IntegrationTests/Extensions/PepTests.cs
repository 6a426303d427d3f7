using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// PEP (XEP-0163) against Prosody and ejabberd: alice publishes, her other resource (which announced +notify in its
/// caps) is notified, and publish-options a node does not match fail with the typed error.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PepTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Alice_publishes_and_her_other_resource_that_wants_the_node_is_notified(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var node = $"urn:xmpp:test:pep:{Guid.NewGuid():N}";
        var notifications = new EventWaiter<PepNotificationEventArgs>();
        await using var publisher = await ConnectedAsync(server, "alice", "publisher");
        await using var watcher = new XmppClient(Options(server, "alice", "watcher"));
        using var subscription = watcher.GetExtension<PepExtension>().Subscribe(node, notifications.Handler);
        await ConnectAsync(watcher);
        await watcher.SendAsync(new Presence()); // the server learns the +notify from its caps (asking disco#info)
        try
        {
            // Created and configured first: ejabberd's default max_items is 1 and its publish-options take only
            // access_model and persist_items.
            await publisher.GetExtension<PepExtension>().CreateNodeAsync(node);
            await publisher.GetExtension<PepExtension>().ConfigureNodeAsync(node,
                new DataForm(DataFormType.Submit).SetBoolean("pubsub#notify_retract", true).SetValue("pubsub#max_items", "10"));

            // The server asks the watcher's caps in the background: publish until the watcher hears of it.
            PepNotificationEventArgs? seen = null;
            for (var attempt = 0; seen is null && attempt < 10; attempt++)
            {
                await publisher.GetExtension<PepExtension>().PublishAsync(node, Payload($"try {attempt}"), $"item-{attempt}");
                seen = await NextOrNullAsync(notifications, TimeSpan.FromSeconds(2));
            }

            Assert.NotNull(seen);
            Assert.Equal(publisher.BoundJid!.Value.Bare, seen.Publisher);
            Assert.Equal(node, seen.Node);
            var item = Assert.Single(seen.Published);
            Assert.StartsWith("item-", item.Id, StringComparison.Ordinal);
            Assert.StartsWith("try ", item.Payload!.Value, StringComparison.Ordinal);

            var items = await watcher.GetExtension<PepExtension>().RetrieveAsync(null, node);
            Assert.Contains(items, i => i.Id == item.Id && i.Payload?.Value == item.Payload.Value);

            await publisher.GetExtension<PepExtension>().RetractAsync(node, item.Id!);
            Assert.DoesNotContain(await watcher.GetExtension<PepExtension>().RetrieveAsync(null, node), i => i.Id == item.Id);
            if (serverName == "prosody")
            {
                // ejabberd 23.01 sends no retraction to +notify resources, even with notify_retract configured and
                // notify='true' on the retract (seen on the wire: only the publications arrive, each twice, to the
                // bare and to the full JID).
                var retraction = await notifications.NextAsync(n => n.Retracted.Contains(item.Id!), Wait, "the retraction");
                Assert.Empty(retraction.Published);
            }
        }
        finally
        {
            await DeleteAsync(publisher.GetExtension<PepExtension>(), node);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_contact_alice_shares_presence_with_is_notified_of_what_she_publishes(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var node = $"urn:xmpp:test:pep:{Guid.NewGuid():N}";
        var notifications = new EventWaiter<PepNotificationEventArgs>();
        await using var alice = await ConnectedAsync(server, "alice", "pep-contact");
        await using var bot = new XmppClient(Options(server, "bot", "pep-contact"));
        using var subscription = bot.GetExtension<PepExtension>().Subscribe(node, notifications.Handler);
        await ConnectAsync(bot);
        var aliceJid = alice.BoundJid!.Value.Bare;
        try
        {
            // Both ways: alice's server learns bot's +notify from the presence (with caps) bot sends to his subscribers.
            await Contacts.BefriendAsync(bot, alice);
            PepNotificationEventArgs? seen = null;
            for (var attempt = 0; seen is null && attempt < 10; attempt++)
            {
                await alice.GetExtension<PepExtension>().PublishAsync(node, Payload($"for contacts {attempt}"), "current");
                seen = await NextOrNullAsync(notifications, TimeSpan.FromSeconds(2));
            }

            Assert.NotNull(seen);
            Assert.Equal(aliceJid, seen.Publisher);
            Assert.StartsWith("for contacts", Assert.Single(seen.Published).Payload!.Value, StringComparison.Ordinal);
            Assert.Equal("current", Assert.Single(await bot.GetExtension<PepExtension>().RetrieveAsync(aliceJid, node)).Id);
        }
        finally
        {
            await DeleteAsync(alice.GetExtension<PepExtension>(), node);
            await Contacts.ForgetAsync(alice, bot);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Publish_options_an_existing_node_does_not_match_throw_the_typed_error_until_the_node_is_reconfigured(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var node = $"urn:xmpp:test:pep:{Guid.NewGuid():N}";
        await using var alice = await ConnectedAsync(server, "alice", "options");
        var pep = alice.GetExtension<PepExtension>();
        try
        {
            await pep.PublishAsync(node, Payload("first"), "a", Options("presence"));

            var error = await Assert.ThrowsAsync<PepPublishOptionsException>(() => pep.PublishAsync(node, Payload("second"), "b", Options("whitelist")));
            Assert.Equal(node, error.Node);
            Assert.Equal(StanzaErrorCondition.Conflict, error.Error.Condition);

            await pep.ConfigureNodeAsync(node, Options("whitelist"));
            Assert.Equal("whitelist", (await pep.GetNodeConfigurationAsync(node)).GetValue("pubsub#access_model"));
            await pep.PublishAsync(node, Payload("second"), "b", Options("whitelist"));
            Assert.Contains(await pep.RetrieveAsync(null, node), item => item.Id == "b");
        }
        finally
        {
            await DeleteAsync(pep, node);
        }
    }

    private static DataForm Options(string accessModel) =>
        new DataForm(DataFormType.Submit, PepExtension.PublishOptionsFormType).SetValue("pubsub#access_model", accessModel);

    /// <summary>Deletes the node if it exists (a failed test may not have created it).</summary>
    private static async Task DeleteAsync(PepExtension pep, string node)
    {
        try
        {
            await pep.DeleteNodeAsync(node);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
        }
    }

    private static XElement Payload(string text) => new(XName.Get("note", "urn:xmpp:test:pep"), text);

    private XmppClientOptions Options(XmppTestServer server, string user, string resource) =>
        ClientFactory.Options(fixture.Servers, server, user, resource) with { Extensions = XmppExtensionSet.Default.Add<PepExtension>() };

    private Task<XmppClient> ConnectedAsync(XmppTestServer server, string user, string resource) =>
        ClientFactory.ConnectedAsync(Options(server, user, resource));

    private static async Task ConnectAsync(XmppClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(timeout.Token);
    }

    private static async Task<T?> NextOrNullAsync<T>(EventWaiter<T> waiter, TimeSpan timeout)
        where T : class
    {
        try
        {
            return await waiter.NextAsync(_ => true, timeout, "a notification");
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
