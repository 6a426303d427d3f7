using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.Blocking;
using Xmpp.Client.Tests.Extensions.Roster;

namespace Xmpp.Client.Tests.Extensions.Blocking;

/// <summary>Block list pushes (XEP-0191 §3.3–3.5): only from the account, and what they change.</summary>
public class BlockingPushTests
{
    private const string Ns = "urn:xmpp:blocking";

    [Theory]
    [InlineData("")]
    [InlineData(" from='user@example.com'")]
    public async Task Block_and_unblock_pushes_from_the_account_change_the_view_and_raise_the_event(string from)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);
        var changes = Record(live.Client);

        var blockReply = await live.SendAndReadAsync($"<iq type='set' id='b1'{from}><block xmlns='{Ns}'><item jid='romeo@montague.net'/><item jid='iago@shakespeare.lit'/></block></iq>");
        var again = await live.SendAndReadAsync($"<iq type='set' id='b2'{from}><block xmlns='{Ns}'><item jid='romeo@montague.net'/></block></iq>");
        var unblockReply = await live.SendAndReadAsync($"<iq type='set' id='u1'{from}><unblock xmlns='{Ns}'><item jid='romeo@montague.net'/></unblock></iq>");

        Assert.All([blockReply, again, unblockReply], reply => Assert.Equal("result", reply.GetAttribute("type")));
        Assert.Equal([Jid.Parse("iago@shakespeare.lit")], live.Client.Blocking.Blocked);
        Assert.Equal(2, changes.Count);
        Assert.Equal(["romeo@montague.net", "iago@shakespeare.lit"], changes[0].Blocked.Select(j => j.ToString()));
        Assert.Empty(changes[0].Unblocked);
        Assert.Equal([Jid.Parse("romeo@montague.net")], changes[1].Unblocked);
        Assert.Empty(changes[1].Blocked);
    }

    [Fact]
    public async Task An_unblock_push_without_items_clears_the_list()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);
        var changes = Record(live.Client);
        await live.SendAndReadAsync($"<iq type='set' id='b1'><block xmlns='{Ns}'><item jid='romeo@montague.net'/><item jid='iago@shakespeare.lit'/></block></iq>");

        var reply = await live.SendAndReadAsync($"<iq type='set' id='u1'><unblock xmlns='{Ns}'/></iq>");

        Assert.Equal("result", reply.GetAttribute("type"));
        Assert.Empty(live.Client.Blocking.Blocked);
        Assert.Equal(2, changes[1].Unblocked.Count);
    }

    [Theory]
    [InlineData(" from='mallory@example.com'")]
    [InlineData(" from='user@example.com/other'")]
    [InlineData(" from='example.com'")]
    public async Task Pushes_from_anyone_but_the_account_are_ignored_and_answered_service_unavailable(string from)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);
        var changes = Record(live.Client);
        await live.SendAndReadAsync($"<iq type='set' id='b0'><block xmlns='{Ns}'><item jid='iago@shakespeare.lit'/></block></iq>");

        var block = await live.SendAndReadAsync($"<iq type='set' id='b1'{from}><block xmlns='{Ns}'><item jid='romeo@montague.net'/></block></iq>");
        var unblockAll = await live.SendAndReadAsync($"<iq type='set' id='u1'{from}><unblock xmlns='{Ns}'/></iq>");

        Assert.All([block, unblockAll], reply => Assert.Equal("service-unavailable", RosterPushTests.ErrorCondition(reply)));
        Assert.Equal([Jid.Parse("iago@shakespeare.lit")], live.Client.Blocking.Blocked);
        Assert.Single(changes);
    }

    [Theory]
    [InlineData("<block xmlns='urn:xmpp:blocking'/>")]
    [InlineData("<block xmlns='urn:xmpp:blocking'><item jid='@@bad'/></block>")]
    [InlineData("<unblock xmlns='urn:xmpp:blocking'><item/></unblock>")]
    public async Task Invalid_pushes_are_refused_bad_request(string payload)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);

        var reply = await live.SendAndReadAsync($"<iq type='set' id='x1'>{payload}</iq>");

        Assert.Equal("bad-request", RosterPushTests.ErrorCondition(reply));
        Assert.Empty(live.Client.Blocking.Blocked);
    }

    [Fact]
    public async Task A_push_handled_while_a_fetch_is_in_flight_is_kept()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);

        var fetching = live.Client.Blocking.GetBlockedAsync();
        var request = await live.Server.ExpectAsync("iq");
        await live.SendAndReadAsync($"<iq type='set' id='b1'><block xmlns='{Ns}'><item jid='romeo@montague.net'/></block></iq>");
        await live.Server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}'><blocklist xmlns='{Ns}'><item jid='iago@shakespeare.lit'/></blocklist></iq>");

        Assert.Equal(2, (await fetching).Count);
    }

    private static List<BlockListChangedEventArgs> Record(XmppClient client)
    {
        var changes = new List<BlockListChangedEventArgs>();
        client.Blocking.BlockListChanged += change =>
        {
            changes.Add(change);
            return Task.CompletedTask;
        };
        return changes;
    }
}
