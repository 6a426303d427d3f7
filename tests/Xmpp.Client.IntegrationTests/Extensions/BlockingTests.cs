using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Blocking (XEP-0191) against Prosody and ejabberd: carol blocks bob, and his messages stop until she unblocks.</summary>
[Collection(ServersCollection.Name)]
public sealed class BlockingTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Carol_blocks_bob_his_messages_do_not_arrive_and_after_unblocking_the_next_one_does(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var bobJid = Jid.Parse(server.Account("bob").Jid);
        await using var carol = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var toCarol = new EventWaiter<Message>();
        var toBob = new EventWaiter<Message>();
        var changes = new EventWaiter<BlockListChangedEventArgs>();
        carol.MessageReceived += toCarol.Handler;
        bob.MessageReceived += toBob.Handler;
        carol.Blocking.BlockListChanged += changes.Handler;
        try
        {
            // Available, so that a message to her bare JID is routed to this session, not to offline storage.
            await carol.SendAsync(new Presence());
            Assert.Empty(await carol.Blocking.GetBlockedAsync());

            await carol.Blocking.BlockAsync([bobJid]);
            var blocked = await changes.NextAsync(c => c.Blocked.Contains(bobJid), Wait, "the push blocking bob");
            Assert.Equal([bobJid], blocked.Blocked);
            Assert.Contains(bobJid, carol.Blocking.Blocked);
            Assert.Equal([bobJid], await carol.Blocking.GetBlockedAsync());

            // To carol's full JID first, then to her bare JID: each server handles bob's stanzas in order, so when the
            // bare JID's bounce is in, a bounce of the first message would be in too.
            var toFullJid = new Message(carol.BoundJid!.Value, "while blocked");
            var toBareJid = new Message(carol.BoundJid!.Value.Bare, "while blocked");
            var toFullJidId = await bob.SendAsync(toFullJid);
            var toBareJidId = await bob.SendAsync(toBareJid);
            var bounce = await toBob.NextAsync(m => m.Id == toBareJidId, Wait, "the error for the blocked message");
            Assert.Equal(MessageType.Error, bounce.Type);
            Assert.Equal(StanzaErrorCondition.ServiceUnavailable, bounce.Error!.Condition);
            if (serverName == "ejabberd")
            {
                Assert.Equal(StanzaErrorCondition.ServiceUnavailable, Assert.Single(toBob.All, m => m.Id == toFullJidId).Error!.Condition);
            }
            else
            {
                // Prosody drops chat messages to an online full JID silently, so as not to reveal the resource (its issue #690).
                Assert.DoesNotContain(toBob.All, m => m.Id == toFullJidId);
            }

            await carol.Blocking.UnblockAsync([bobJid]);
            var unblocked = await changes.NextAsync(c => c.Unblocked.Contains(bobJid), Wait, "the push unblocking bob");
            Assert.Empty(unblocked.Blocked);
            Assert.Empty(carol.Blocking.Blocked);

            // Stanzas from bob to carol arrive in order: had the first one been delivered, it would come before this one.
            await bob.SendAsync(new Message(carol.BoundJid!.Value, "after unblocking"));
            await toCarol.NextAsync(m => m.Body == "after unblocking", Wait, "bob's message after unblocking");
            Assert.DoesNotContain(toCarol.All, m => m.Body == "while blocked");
        }
        finally
        {
            await LeaveEmptyAsync(carol);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Unblock_all_empties_the_list_and_pushes_every_jid_unblocked(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        Jid bob = Jid.Parse(server.Account("bob").Jid), mallory = Jid.Parse($"mallory@{server.Domain}");
        await using var carol = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        var changes = new EventWaiter<BlockListChangedEventArgs>();
        carol.Blocking.BlockListChanged += changes.Handler;
        try
        {
            Assert.Empty(await carol.Blocking.GetBlockedAsync());
            await carol.Blocking.BlockAsync([bob, mallory]);
            await changes.NextAsync(_ => carol.Blocking.Blocked.Count == 2, Wait, "the pushes blocking both");

            await carol.Blocking.UnblockAllAsync();
            await changes.NextAsync(_ => carol.Blocking.Blocked.Count == 0, Wait, "the push unblocking all");

            Assert.Equal([bob, mallory], changes.All.SelectMany(c => c.Unblocked).OrderBy(jid => jid.ToString(), StringComparer.Ordinal));
            Assert.Empty(await carol.Blocking.GetBlockedAsync());
        }
        finally
        {
            await LeaveEmptyAsync(carol);
        }
    }

    private static async Task LeaveEmptyAsync(XmppClient client)
    {
        if ((await client.Blocking.GetBlockedAsync()).Count > 0)
        {
            await client.Blocking.UnblockAllAsync();
        }
    }
}
