using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Roster;

/// <summary>Fetching the roster (RFC 6121 §2.2) with and without roster versioning (XEP-0237, RFC 6121 §2.6).</summary>
public class RosterFetchTests
{
    private const string Versioning = "<ver xmlns='urn:xmpp:features:rosterver'/>";

    private const string TwoItems =
        "<item jid='romeo@example.net' name='Romeo' subscription='both'><group>Friends</group><group>Lovers</group></item>" +
        "<item jid='nurse@example.com' subscription='none' ask='subscribe' approved='true'/>";

    [Fact]
    public async Task Get_without_versioning_sends_no_ver_and_reads_every_item_attribute()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        var fetching = live.Client.Roster.GetAsync();
        var request = await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster'>{TwoItems}</query></iq>");
        var items = await fetching;

        Assert.Equal(("get", null), (request.GetAttribute("type"), Query(request).GetAttribute("ver")));
        Assert.Null(request.GetAttribute("to"));
        Assert.Equal(2, items.Count);
        var romeo = live.Client.Roster.Items[Jid.Parse("romeo@example.net")];
        Assert.Equal(("Romeo", RosterSubscription.Both, false, false), (romeo.Name, romeo.Subscription, romeo.Ask, romeo.Approved));
        Assert.Equal(["Friends", "Lovers"], romeo.Groups);
        var nurse = live.Client.Roster.Items[Jid.Parse("nurse@example.com")];
        Assert.Equal((null, RosterSubscription.None, true, true), (nurse.Name, nurse.Subscription, nurse.Ask, nurse.Approved));
        Assert.Empty(nurse.Groups);
        Assert.Null(live.Client.Roster.Version);
    }

    [Fact]
    public async Task Get_skips_items_with_an_invalid_jid()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        var fetching = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster'><item jid='@@bad'/><item jid='romeo@example.net'/></query></iq>");

        Assert.Equal([Jid.Parse("romeo@example.net")], (await fetching).Select(item => item.Jid));
    }

    [Fact]
    public async Task Get_with_versioning_sends_an_empty_ver_first_then_the_last_version_and_an_empty_result_keeps_the_items()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster, Versioning);

        var first = live.Client.Roster.GetAsync();
        var firstRequest = await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster' ver='v7'>{TwoItems}</query></iq>");
        await first;
        var second = live.Client.Roster.GetAsync();
        var secondRequest = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        var unchanged = await second;

        Assert.Equal("", Query(firstRequest).GetAttribute("ver"));
        Assert.Equal("v7", Query(secondRequest).GetAttribute("ver"));
        Assert.Equal(2, unchanged.Count);
        Assert.Equal(2, live.Client.Roster.Items.Count);
        Assert.Equal("v7", live.Client.Roster.Version);
    }

    [Fact]
    public async Task A_full_result_with_a_new_version_replaces_the_items()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster, Versioning);

        var first = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster' ver='v1'>{TwoItems}</query></iq>");
        await first;
        var second = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster' ver='v2'><item jid='tybalt@example.org'/></query></iq>");
        await second;

        Assert.Equal([Jid.Parse("tybalt@example.org")], live.Client.Roster.Items.Keys);
        Assert.Equal("v2", live.Client.Roster.Version);
    }

    [Fact]
    public async Task The_version_and_items_survive_a_reconnect_and_the_next_get_sends_that_version()
    {
        var versionsAsked = new List<string?>();
        var connections = 0;
        var (client, connector) = TestClients.Create(async server =>
        {
            var connection = Interlocked.Increment(ref connections);
            await server.LoginAsync(features: Versioning);
            var request = await server.ExpectAsync("iq");
            versionsAsked.Add(Query(request).GetAttribute("ver"));
            var id = request.GetAttribute("id");
            await server.SendAsync(connection == 1
                ? $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster' ver='v1'>{TwoItems}</query></iq>"
                : $"<iq type='result' id='{id}'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = OnlyExtensions.Roster });
        await using (client)
        {
            await client.ConnectAsync();
            await client.Roster.GetAsync();
            await client.DisconnectAsync();
            await client.ConnectAsync();
            var items = await client.Roster.GetAsync();
            await client.DisconnectAsync();

            Assert.Equal(["", "v1"], versionsAsked);
            Assert.Equal(2, items.Count);
        }

        await connector.ServersCompletion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_push_handled_while_a_get_is_in_flight_is_kept_when_the_result_arrives()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster, Versioning);

        var fetching = live.Client.Roster.GetAsync();
        var request = await live.Server.ExpectAsync("iq");
        var ack = await live.SendAndReadAsync("<iq type='set' id='p1'><query xmlns='jabber:iq:roster' ver='v2'><item jid='tybalt@example.org'/></query></iq>");
        await live.Server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}'><query xmlns='jabber:iq:roster' ver='v1'>{TwoItems}</query></iq>");
        var items = await fetching;

        Assert.Equal("result", ack.GetAttribute("type"));
        Assert.Equal(3, items.Count);
        Assert.Contains(Jid.Parse("tybalt@example.org"), live.Client.Roster.Items.Keys);
        Assert.Equal("v2", live.Client.Roster.Version);
    }

    [Fact]
    public async Task A_server_error_fails_the_get_and_keeps_the_items()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        await live.SendAndReadAsync("<iq type='set' id='p1'><query xmlns='jabber:iq:roster'><item jid='tybalt@example.org'/></query></iq>");

        var fetching = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='wait'><internal-server-error xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => fetching);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.InternalServerError, error.Error.Condition);
        Assert.Single(live.Client.Roster.Items);
    }

    internal static XmppElement Query(XmppElement iq) => Assert.Single(iq.Elements("query", "jabber:iq:roster"));
}
