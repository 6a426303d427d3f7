using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Blocking;

/// <summary>The block list (XEP-0191): fetching, blocking and unblocking.</summary>
public class BlockingTests
{
    private const string Ns = "urn:xmpp:blocking";

    [Fact]
    public async Task GetBlocked_sends_a_blocklist_get_and_fills_the_view()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);

        var fetching = live.Client.Blocking.GetBlockedAsync();
        var request = await live.AnswerAsync(id =>
            $"<iq type='result' id='{id}'><blocklist xmlns='{Ns}'><item jid='romeo@montague.net'/><item jid='iago@shakespeare.lit/Work'/><item jid='@@bad'/></blocklist></iq>");
        var blocked = await fetching;

        Assert.Equal("get", request.GetAttribute("type"));
        Assert.Empty(Payload(request, "blocklist").Children);
        Jid[] expected = [Jid.Parse("romeo@montague.net"), Jid.Parse("iago@shakespeare.lit/Work")];
        Assert.True(blocked.SetEquals(expected));
        Assert.True(live.Client.Blocking.Blocked.SetEquals(expected));
    }

    [Fact]
    public async Task Block_unblock_and_unblock_all_send_the_items_given()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);
        Jid romeo = Jid.Parse("romeo@montague.net"), iago = Jid.Parse("iago@shakespeare.lit");

        var blocking = live.Client.Blocking.BlockAsync([romeo, iago]);
        var block = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await blocking;
        var unblocking = live.Client.Blocking.UnblockAsync([romeo]);
        var unblock = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await unblocking;
        var clearing = live.Client.Blocking.UnblockAllAsync();
        var unblockAll = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await clearing;

        Assert.Equal(["romeo@montague.net", "iago@shakespeare.lit"], ItemJids(Payload(block, "block")));
        Assert.Equal(["romeo@montague.net"], ItemJids(Payload(unblock, "unblock")));
        Assert.Empty(Payload(unblockAll, "unblock").Children);
        Assert.All([block, unblock, unblockAll], iq => Assert.Equal("set", iq.GetAttribute("type")));
    }

    [Fact]
    public async Task Block_or_unblock_with_no_jid_is_refused_before_sending()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);

        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Blocking.BlockAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Blocking.UnblockAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Blocking.BlockAsync([default]));
    }

    [Fact]
    public async Task A_server_without_blocking_fails_the_request_with_its_error()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);

        var fetching = live.Client.Blocking.GetBlockedAsync();
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => fetching);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
    }

    [Fact]
    public void The_module_announces_the_blocking_feature()
    {
        var client = new XmppClient(Support.TestClients.Options() with { Extensions = OnlyExtensions.Blocking });

        Assert.Contains("urn:xmpp:blocking", client.Features.Names);
        Assert.Throws<InvalidOperationException>(() => client.Roster);
    }

    internal static XmppElement Payload(XmppElement iq, string name) => Assert.Single(iq.Elements(name, Ns));

    private static IEnumerable<string?> ItemJids(XmppElement payload) => payload.Elements("item", Ns).Select(item => item.GetAttribute("jid"));
}
