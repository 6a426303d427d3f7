using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Roster;

/// <summary>Roster pushes (RFC 6121 §2.1.6): who may send them, what they must hold, what they change.</summary>
public class RosterPushTests
{
    private const string Romeo = "romeo@example.net";

    public static TheoryData<string> TrustedSenders => new()
    {
        "", // no 'from': the account's own server on its behalf
        " from='user@example.com'",
        " from='USER@Example.com'", // the same bare JID, before normalisation
    };

    public static TheoryData<string> UntrustedSenders => new()
    {
        " from='mallory@example.com'", // another account on the same server
        " from='user@example.com/other'", // the account's own full JID, another resource: not the bare JID
        " from='user@example.com/test'", // even this session's full JID
        " from='example.com'", // the server's domain
        " from='user@evil.example'", // same localpart, other domain
        // A malformed 'from' is not "no from" either: such a push is dropped unanswered (see InvalidFromTests).
    };

    [Theory]
    [MemberData(nameof(TrustedSenders))]
    public async Task Push_from_no_from_or_the_account_bare_jid_is_accepted_answered_with_an_empty_result_and_raised(string from)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var changes = Record(live.Client);

        var reply = await live.SendAndReadAsync($"<iq type='set' id='push1'{from}><query xmlns='jabber:iq:roster'><item jid='{Romeo}' name='Romeo'><group>Friends</group></item></query></iq>");

        Assert.Equal("result", reply.GetAttribute("type"));
        Assert.Equal("push1", reply.GetAttribute("id"));
        Assert.Empty(reply.Children);
        var item = Assert.Single(live.Client.Roster.Items).Value;
        Assert.Equal(new RosterItem(Jid.Parse(Romeo), "Romeo", ["Friends"]), item);
        var change = Assert.Single(changes);
        Assert.Equal(RosterChangeKind.Added, change.Kind);
        Assert.Equal(item, change.Item);
        Assert.Null(change.Previous);
    }

    [Theory]
    [MemberData(nameof(UntrustedSenders))]
    public async Task Push_from_anyone_but_the_account_is_ignored_and_answered_service_unavailable(string from)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var changes = Record(live.Client);

        var reply = await live.SendAndReadAsync($"<iq type='set' id='spoof'{from}><query xmlns='jabber:iq:roster'><item jid='{Romeo}'/></query></iq>");

        Assert.Equal(("error", "service-unavailable"), (reply.GetAttribute("type"), ErrorCondition(reply)));
        Assert.Empty(live.Client.Roster.Items);
        Assert.Empty(changes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<item jid='romeo@example.net'/><item jid='juliet@example.com'/>")]
    [InlineData("<item jid='@@bad'/>")]
    [InlineData("<item jid='romeo@example.net' subscription='maybe'/>")]
    public async Task Push_without_exactly_one_valid_item_is_refused_bad_request(string items)
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var changes = Record(live.Client);

        var reply = await live.SendAndReadAsync($"<iq type='set' id='bad'><query xmlns='jabber:iq:roster'>{items}</query></iq>");

        Assert.Equal(("error", "bad-request"), (reply.GetAttribute("type"), ErrorCondition(reply)));
        Assert.Empty(live.Client.Roster.Items);
        Assert.Empty(changes);
    }

    [Fact]
    public async Task Roster_get_sent_to_the_client_is_answered_service_unavailable()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        var reply = await live.SendAndReadAsync("<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>");

        Assert.Equal(("error", "service-unavailable"), (reply.GetAttribute("type"), ErrorCondition(reply)));
    }

    [Fact]
    public async Task Pushes_update_and_remove_items_raise_one_event_each_and_carry_the_version()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var changes = Record(live.Client);

        await live.SendAndReadAsync($"<iq type='set' id='p1'><query xmlns='jabber:iq:roster' ver='v1'><item jid='{Romeo}' name='Romeo' subscription='none' ask='subscribe'/></query></iq>");
        await live.SendAndReadAsync($"<iq type='set' id='p2'><query xmlns='jabber:iq:roster' ver='v2'><item jid='{Romeo}' name='Romeo' subscription='to' approved='true'><group>A</group><group>B</group></item></query></iq>");
        await live.SendAndReadAsync($"<iq type='set' id='p3'><query xmlns='jabber:iq:roster' ver='v3'><item jid='{Romeo}' name='Romeo' subscription='to' approved='true'><group>B</group><group>A</group></item></query></iq>");
        Assert.Equal("v3", live.Client.Roster.Version);
        var updated = Assert.Single(live.Client.Roster.Items).Value;
        await live.SendAndReadAsync($"<iq type='set' id='p4'><query xmlns='jabber:iq:roster' ver='v4'><item jid='{Romeo}' subscription='remove'/></query></iq>");
        await live.SendAndReadAsync("<iq type='set' id='p5'><query xmlns='jabber:iq:roster' ver='v5'><item jid='nobody@example.net' subscription='remove'/></query></iq>");

        Assert.Empty(live.Client.Roster.Items);
        Assert.Equal("v5", live.Client.Roster.Version);
        Assert.Equal([RosterChangeKind.Added, RosterChangeKind.Updated, RosterChangeKind.Removed], changes.Select(c => c.Kind));
        Assert.True(changes[0].Item.Ask);
        Assert.Equal((RosterSubscription.To, true, false), (updated.Subscription, updated.Approved, updated.Ask));
        Assert.Equal(["A", "B"], updated.Groups);
        Assert.Equal(changes[0].Item, changes[1].Previous);
        Assert.Equal(updated, changes[2].Item);
    }

    [Fact]
    public async Task Push_without_a_version_clears_the_version_so_the_next_get_fetches_everything()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);

        await live.SendAndReadAsync($"<iq type='set' id='p1'><query xmlns='jabber:iq:roster' ver='v1'><item jid='{Romeo}'/></query></iq>");
        await live.SendAndReadAsync($"<iq type='set' id='p2'><query xmlns='jabber:iq:roster'><item jid='{Romeo}' name='R'/></query></iq>");

        Assert.Null(live.Client.Roster.Version);
    }

    [Fact]
    public async Task A_throwing_RosterChanged_handler_is_logged_and_the_push_still_answered_and_applied()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        live.Client.Roster.RosterChanged += _ => throw new InvalidOperationException("handler bug");

        var reply = await live.SendAndReadAsync($"<iq type='set' id='p1'><query xmlns='jabber:iq:roster'><item jid='{Romeo}'/></query></iq>");

        Assert.Equal("result", reply.GetAttribute("type"));
        Assert.True(live.Client.Roster.Items.ContainsKey(Jid.Parse(Romeo)));
    }

    internal static List<RosterChangedEventArgs> Record(XmppClient client)
    {
        var changes = new List<RosterChangedEventArgs>();
        client.Roster.RosterChanged += change =>
        {
            changes.Add(change);
            return Task.CompletedTask;
        };
        return changes;
    }

    internal static string? ErrorCondition(XmppElement reply) =>
        reply.Element("error", "jabber:client")?.Elements().FirstOrDefault(e => e.Namespace == "urn:ietf:params:xml:ns:xmpp-stanzas")?.Name;
}
