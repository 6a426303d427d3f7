using System.Xml.Linq;
using static Xmpp.Client.Tests.Extensions.Gateways.GatewayScript;

namespace Xmpp.Client.Tests.Extensions.Gateways;

/// <summary>Finding gateways (XEP-0100 §5) and telling their contacts apart.</summary>
public class GatewayDiscoveryTests
{
    private static string Answer(XElement request)
    {
        var to = (string?)request.Attribute("to");
        var query = request.Elements().Single().Name.NamespaceName;
        return (to, query) switch
        {
            ("example.com", Items) => $"<query xmlns='{Items}'>"
                + "<item jid='irc.example.com' name='IRC'/>"
                + "<item jid='conference.example.com'/>"
                + "<item jid='sms.example.com'/>"
                + "<item jid='pubsub.example.com' node='news'/>"
                + "<item jid='bot@example.com'/>"
                + "<item jid='icq.example.com'/>"
                + "</query>",
            ("irc.example.com", Info) => InfoOf("gateway", "irc", "jabber:iq:register", IqGateway),
            ("icq.example.com", Info) => InfoOf("gateway", "icq", "jabber:iq:register"),
            ("conference.example.com", Info) => InfoOf("conference", "text", "http://jabber.org/protocol/muc"),
            ("sms.example.com", Info) => Error("service-unavailable"),
            _ => Error("item-not-found"),
        };
    }

    [Fact]
    public async Task Discovery_asks_each_domain_item_and_keeps_those_of_category_gateway()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var discovering = live.Client.Gateways().DiscoverAsync();
        var asked = await AnswerAsync(live, Answer, count: 5);

        var gateways = await discovering.WaitAsync(Wait);

        Assert.Equal(["irc.example.com", "icq.example.com"], gateways.Select(g => g.Jid.ToString()));
        Assert.Equal(("irc", "irc service", true, true), (gateways[0].Type, gateways[0].Name, gateways[0].SupportsRegistration, gateways[0].SupportsAddressTranslation));
        Assert.False(gateways[1].SupportsAddressTranslation);
        Assert.Equal(
            ["conference.example.com", "example.com", "icq.example.com", "irc.example.com", "sms.example.com"],
            asked.Order(StringComparer.Ordinal));
        Assert.Equal(["icq.example.com", "irc.example.com"], live.Client.Gateways().KnownGateways.Select(g => g.Jid.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Contacts_at_a_known_gateway_are_told_apart_from_other_jids()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();
        Assert.False(gateways.IsGatewayContact(Jid.Parse("nick@irc.example.com")));

        var discovering = gateways.DiscoverAsync();
        await AnswerAsync(live, Answer, count: 5);
        await discovering.WaitAsync(Wait);

        Assert.True(gateways.IsGatewayContact(Jid.Parse("nick@irc.example.com")));
        Assert.True(gateways.IsGatewayContact(Jid.Parse("nick@irc.example.com/legacy")));
        Assert.False(gateways.IsGatewayContact(Jid.Parse("irc.example.com")));
        Assert.False(gateways.IsGatewayContact(Jid.Parse("juliet@example.com")));
        Assert.False(gateways.IsGatewayContact(Jid.Parse("room@conference.example.com")));
        Assert.False(gateways.IsGatewayContact(default));
        Assert.True(gateways.TryGetGateway(Jid.Parse("12345@icq.example.com"), out var icq));
        Assert.Equal("icq", icq.Type);
        Assert.True(gateways.TryGetGateway(Jid.Parse("irc.example.com"), out var irc));
        Assert.Equal("irc", irc.Type);
        Assert.False(gateways.TryGetGateway(Jid.Parse("bot@example.com"), out _));
    }

    [Fact]
    public async Task Asking_one_entity_remembers_it_only_when_it_is_a_gateway()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();

        var asking = gateways.GetGatewayAsync(Jid.Parse("irc.example.com"));
        await AnswerAsync(live, Answer);
        var irc = await asking.WaitAsync(Wait);
        asking = gateways.GetGatewayAsync(Jid.Parse("conference.example.com"));
        await AnswerAsync(live, Answer);
        var muc = await asking.WaitAsync(Wait);

        Assert.Equal("irc", irc!.Type);
        Assert.Null(muc);
        Assert.Equal([Jid.Parse("irc.example.com")], gateways.KnownGateways.Select(g => g.Jid));
        asking = gateways.GetGatewayAsync(Jid.Parse("sms.example.com"));
        await AnswerAsync(live, Answer);
        await Assert.ThrowsAsync<XmppIqErrorException>(() => asking.WaitAsync(Wait));
        await Assert.ThrowsAsync<ArgumentException>(() => gateways.GetGatewayAsync(Jid.Parse("user@irc.example.com")));
    }

    [Fact]
    public async Task Discovery_asks_at_most_a_hundred_items()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var items = string.Concat(Enumerable.Range(0, 150).Select(i => $"<item jid='gw{i}.example.com'/>"));
        var discovering = live.Client.Gateways().DiscoverAsync();
        var asked = await AnswerAsync(live, request => (string?)request.Attribute("to") == "example.com"
            ? $"<query xmlns='{Items}'>{items}</query>"
            : InfoOf("gateway", "irc"), count: 101);

        var gateways = await discovering.WaitAsync(Wait);

        Assert.Equal(100, gateways.Count);
        Assert.DoesNotContain("gw100.example.com", asked);
        Assert.Equal("gw99.example.com", gateways[^1].Jid.ToString());
    }

    [Fact]
    public async Task A_server_that_refuses_disco_items_fails_the_discovery()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var discovering = live.Client.Gateways().DiscoverAsync();
        await AnswerAsync(live, _ => Error("forbidden", "auth"));

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => discovering.WaitAsync(Wait));

        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Forbidden, error.Error.Condition);
        Assert.Empty(live.Client.Gateways().KnownGateways);
    }
}
