using System.Collections.Concurrent;
using Xmpp.Client.Extensions.Pep;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Pep;

/// <summary>PEP notifications (XEP-0163 §4): +notify interest, who may send them, and what they carry.</summary>
public class PepNotificationTests
{
    private const string Tune = "http://jabber.org/protocol/tune";

    [Fact]
    public async Task Subscribe_announces_node_notify_in_disco_and_caps_and_disposing_withdraws_it()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);
        var before = live.Client.Disco.OwnCapabilities.Ver;

        var first = live.Client.Pep().Subscribe(Tune, _ => Task.CompletedTask);
        var second = live.Client.Pep().Subscribe(Tune, _ => Task.CompletedTask);

        Assert.Contains(Tune + "+notify", live.Client.Disco.OwnInfo.Features);
        Assert.Contains(Tune + "+notify", live.Client.Features.Names);
        Assert.NotEqual(before, live.Client.Disco.OwnCapabilities.Ver);
        Assert.Equal([Tune], live.Client.Pep().InterestedNodes);
        first.Dispose();
        first.Dispose();
        Assert.Contains(Tune + "+notify", live.Client.Disco.OwnInfo.Features);
        second.Dispose();
        Assert.DoesNotContain(Tune + "+notify", live.Client.Disco.OwnInfo.Features);
        Assert.Equal(before, live.Client.Disco.OwnCapabilities.Ver);
        Assert.Empty(live.Client.Pep().InterestedNodes);
    }

    [Fact]
    public async Task The_pep_feature_itself_is_announced()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        Assert.Contains(PubSub, live.Client.Disco.OwnInfo.Features);
    }

    [Theory]
    [InlineData(" from='juliet@example.com'", "juliet@example.com")]
    [InlineData("", "user@example.com")]
    [InlineData(" from='user@example.com'", "user@example.com")]
    public async Task A_notification_from_a_bare_jid_or_the_own_account_reaches_the_nodes_subscribers_and_the_event(string from, string publisher)
    {
        await using var harness = await MessagingHarness.ConnectAsync(PepOnly);
        var forNode = new ConcurrentQueue<PepNotificationEventArgs>();
        var all = new ConcurrentQueue<PepNotificationEventArgs>();
        using var subscription = harness.Client.Pep().Subscribe(Tune, n => { forNode.Enqueue(n); return Task.CompletedTask; });
        harness.Client.Pep().NotificationReceived += n => { all.Enqueue(n); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(from, Tune, $"<item id='current'><tune xmlns='{Tune}'><title>Yesterday</title></tune></item><retract id='old'/>"));
        await harness.SendAsync(EventMessage(from, "urn:other", "<item id='x'/>", "e2"));
        await harness.SyncAsync();

        var notification = Assert.Single(forNode);
        Assert.Equal(Jid.Parse(publisher), notification.Publisher);
        Assert.Equal(Tune, notification.Node);
        Assert.Equal("current", Assert.Single(notification.Published).Id);
        Assert.Equal("Yesterday", notification.Published[0].Payload!.Value);
        Assert.Equal(["old"], notification.Retracted);
        Assert.False(notification.Purged || notification.Deleted);
        Assert.Equal("e1", notification.Message.Id);
        Assert.Equal([Tune, "urn:other"], all.Select(n => n.Node));
    }

    [Theory]
    [InlineData(" from='juliet@example.com/balcony'")]
    [InlineData(" from='user@example.com/other'")]
    [InlineData(" from='example.com'")]
    [InlineData(" from='pubsub.example.com'")]
    public async Task Forged_notifications_from_a_full_jid_or_a_domain_are_ignored(string from)
    {
        await using var harness = await MessagingHarness.ConnectAsync(PepOnly);
        var seen = new ConcurrentQueue<PepNotificationEventArgs>();
        using var subscription = harness.Client.Pep().Subscribe(Tune, n => { seen.Enqueue(n); return Task.CompletedTask; });
        harness.Client.Pep().NotificationReceived += n => { seen.Enqueue(n); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(from, Tune, "<item id='forged'/>"));
        await harness.SyncAsync();

        Assert.Empty(seen);
    }

    [Fact]
    public async Task Purge_and_delete_notifications_say_so()
    {
        await using var harness = await MessagingHarness.ConnectAsync(PepOnly);
        var seen = new ConcurrentQueue<PepNotificationEventArgs>();
        harness.Client.Pep().NotificationReceived += n => { seen.Enqueue(n); return Task.CompletedTask; };

        await harness.SendAsync($"<message from='juliet@example.com' id='p'><event xmlns='{Event}'><purge node='{Tune}'/></event></message>");
        await harness.SendAsync($"<message from='juliet@example.com' id='d'><event xmlns='{Event}'><delete node='{Tune}'/></event></message>");
        await harness.SendAsync($"<message from='juliet@example.com' id='n'><event xmlns='{Event}'><items/></event></message>");
        await harness.SyncAsync();

        Assert.Equal([(true, false), (false, true)], seen.Select(n => (n.Purged, n.Deleted)));
    }

    [Fact]
    public async Task Notifications_still_reach_MessageReceived()
    {
        await using var harness = await MessagingHarness.ConnectAsync(PepOnly);
        var messages = new ConcurrentQueue<string?>();
        harness.Client.MessageReceived += m => { messages.Enqueue(m.Id); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(" from='juliet@example.com'", Tune, "<item id='current'/>"));
        await harness.SyncAsync();

        Assert.Contains("e1", messages);
    }
}
