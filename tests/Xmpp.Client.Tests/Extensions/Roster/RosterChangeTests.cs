using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.Roster;

namespace Xmpp.Client.Tests.Extensions.Roster;

/// <summary>Adding, updating and removing contacts (RFC 6121 §2.3–2.5), and the roster item type.</summary>
public class RosterChangeTests
{
    [Fact]
    public async Task AddOrUpdate_sends_jid_name_and_groups_and_no_subscription()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var item = new RosterItem(Jid.Parse("Romeo@Example.net"), "Romeo", ["Friends", "Lovers", "Friends"])
        {
            Subscription = RosterSubscription.Both,
            Ask = true,
            Approved = true,
        };

        var adding = live.Client.Roster.AddOrUpdateAsync(item);
        var request = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await adding;

        Assert.Equal("set", request.GetAttribute("type"));
        var sent = Assert.Single(RosterFetchTests.Query(request).Elements());
        Assert.Equal("item", sent.Name);
        Assert.Equal(["jid=romeo@example.net", "name=Romeo"], sent.Attributes.Select(a => $"{a.Name}={a.Value}"));
        Assert.Equal(["Friends", "Lovers"], sent.Elements("group", "jabber:iq:roster").Select(g => g.Value));
    }

    [Fact]
    public async Task AddOrUpdate_without_name_or_groups_sends_only_the_jid()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        var adding = live.Client.Roster.AddOrUpdateAsync(new RosterItem(Jid.Parse("romeo@example.net")));
        var request = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await adding;

        var sent = Assert.Single(RosterFetchTests.Query(request).Elements());
        Assert.Equal(["jid=romeo@example.net"], sent.Attributes.Select(a => $"{a.Name}={a.Value}"));
        Assert.Empty(sent.Children);
    }

    [Fact]
    public async Task Remove_sends_subscription_remove_and_an_error_answer_throws()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        var removing = live.Client.Roster.RemoveAsync(Jid.Parse("romeo@example.net"));
        var request = await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => removing);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, error.Error.Condition);
        var sent = Assert.Single(RosterFetchTests.Query(request).Elements());
        Assert.Equal(["jid=romeo@example.net", "subscription=remove"], sent.Attributes.Select(a => $"{a.Name}={a.Value}"));
    }

    [Fact]
    public void Items_are_equal_when_their_groups_are_the_same_set()
    {
        var jid = Jid.Parse("romeo@example.net");
        var a = new RosterItem(jid, "Romeo", ["A", "B"]);
        var b = new RosterItem(jid, "Romeo", ["B", "A", "B"]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Groups = ["A"] });
        Assert.NotEqual(a, b with { Subscription = RosterSubscription.To });
        Assert.NotEqual(a, b with { Name = "romeo" });
    }

    [Fact]
    public void An_item_needs_a_jid_and_non_empty_group_names()
    {
        Assert.Throws<ArgumentException>(() => new RosterItem(default));
        Assert.Throws<ArgumentException>(() => new RosterItem(Jid.Parse("romeo@example.net"), groups: [""]));
    }

    [Fact]
    public void Roster_property_throws_when_the_module_is_switched_off()
    {
        var client = new XmppClient(Support.TestClients.Options() with { Extensions = OnlyExtensions.Blocking });

        var error = Assert.Throws<InvalidOperationException>(() => client.Roster);
        Assert.Contains("RosterExtension", error.Message, StringComparison.Ordinal);
        Assert.NotNull(client.Blocking);
    }

    [Fact]
    public async Task Roster_calls_before_connecting_throw_invalid_operation()
    {
        await using var client = new XmppClient(Support.TestClients.Options() with { Extensions = OnlyExtensions.Roster });

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Roster.GetAsync());
    }
}
