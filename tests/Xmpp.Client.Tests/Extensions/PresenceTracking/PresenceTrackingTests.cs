using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

public class PresenceTrackingTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");

    [Fact]
    public async Task Available_presence_makes_the_contact_available_with_its_resource()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        var presence = harness.Client.Availability;
        Assert.False(presence.IsAvailable(Juliet));

        await harness.ServerSendsAsync("<presence from='juliet@example.com/balcony'><show>away</show><status>Out</status><priority>5</priority></presence>");

        Assert.True(presence.IsAvailable(Juliet));
        Assert.True(presence.IsAvailable(Jid.Parse("juliet@example.com/other")));
        var resource = Assert.Single(presence.GetResources(Juliet));
        Assert.Equal((Jid.Parse("juliet@example.com/balcony"), PresenceShow.Away, "Out", (sbyte)5), (resource.Jid, resource.Show, resource.Status, resource.Priority));
        Assert.Equal([Juliet], presence.GetAvailableContacts());
    }

    [Fact]
    public async Task Best_resource_is_the_highest_priority_then_the_most_available_show_then_the_most_recent()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        var presence = harness.Client.Availability;

        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/low'><show>chat</show><priority>1</priority></presence>",
            "<presence from='juliet@example.com/dnd'><show>dnd</show><priority>5</priority></presence>",
            "<presence from='juliet@example.com/away'><show>away</show><priority>5</priority></presence>");
        Assert.Equal("away", presence.GetBestResource(Juliet)!.Jid.Resource);

        await harness.ServerSendsAsync("<presence from='juliet@example.com/plain'><priority>5</priority></presence>");
        Assert.Equal("plain", presence.GetBestResource(Juliet)!.Jid.Resource);

        await harness.ServerSendsAsync("<presence from='juliet@example.com/chat'><show>chat</show><priority>5</priority></presence>");
        Assert.Equal("chat", presence.GetBestResource(Juliet)!.Jid.Resource);

        // Equal priority and show: the most recent presence wins, including an update of an older resource.
        await harness.ServerSendsAsync("<presence from='juliet@example.com/chat2'><show>chat</show><priority>5</priority></presence>");
        Assert.Equal("chat2", presence.GetBestResource(Juliet)!.Jid.Resource);
        await harness.ServerSendsAsync("<presence from='juliet@example.com/chat'><show>chat</show><priority>5</priority></presence>");
        Assert.Equal("chat", presence.GetBestResource(Juliet)!.Jid.Resource);

        // A higher priority beats every show.
        await harness.ServerSendsAsync("<presence from='juliet@example.com/dnd'><show>dnd</show><priority>6</priority></presence>");
        Assert.Equal("dnd", presence.GetBestResource(Juliet)!.Jid.Resource);

        Assert.Equal(["dnd", "chat", "chat2", "plain", "away", "low"], presence.GetResources(Juliet).Select(r => r.Jid.Resource));
    }

    [Fact]
    public async Task Negative_priority_resources_are_available_and_rank_last()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/bot'><show>chat</show><priority>-1</priority></presence>",
            "<presence from='juliet@example.com/phone'><show>xa</show></presence>");

        Assert.Equal(["phone", "bot"], harness.Client.Availability.GetResources(Juliet).Select(r => r.Jid.Resource));
    }

    [Fact]
    public async Task Unavailable_presence_removes_the_resource_and_the_last_one_the_contact()
    {
        var changes = new List<string>();
        await using var harness = PresenceHarness.Create();
        harness.Client.Availability.ContactPresenceChanged += args =>
        {
            changes.Add($"{args.Contact} {args.Resource.Resource} {args.IsAvailable} {args.Presence?.Status}");
            return Task.CompletedTask;
        };
        await harness.ConnectAsync();

        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/a'/>",
            "<presence from='juliet@example.com/b'><status>on b</status></presence>",
            "<presence from='juliet@example.com/a' type='unavailable'/>");
        Assert.Equal(["b"], harness.Client.Availability.GetResources(Juliet).Select(r => r.Jid.Resource));

        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/never-seen' type='unavailable'/>",
            "<presence from='juliet@example.com/b' type='unavailable'/>");
        Assert.False(harness.Client.Availability.IsAvailable(Juliet));
        Assert.Empty(harness.Client.Availability.GetResources(Juliet));
        Assert.Null(harness.Client.Availability.GetBestResource(Juliet));
        Assert.Empty(harness.Client.Availability.GetAvailableContacts());
        Assert.Equal(
            ["juliet@example.com a True ", "juliet@example.com b True on b", "juliet@example.com a False ", "juliet@example.com b False "],
            changes);
    }

    [Fact]
    public async Task Error_presence_from_a_full_jid_removes_only_that_resource()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/a'/>",
            "<presence from='juliet@example.com/b'/>",
            "<presence from='juliet@example.com/a' type='error'><error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");

        Assert.Equal(["b"], harness.Client.Availability.GetResources(Juliet).Select(r => r.Jid.Resource));
    }

    [Fact]
    public async Task Error_presence_from_the_bare_jid_removes_every_resource_of_the_contact_with_an_event_each()
    {
        var gone = new List<string?>();
        await using var harness = PresenceHarness.Create();
        harness.Client.Availability.ContactPresenceChanged += args =>
        {
            if (!args.IsAvailable)
            {
                gone.Add(args.Resource.Resource);
            }

            return Task.CompletedTask;
        };
        await harness.ConnectAsync();
        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/a'/>",
            "<presence from='juliet@example.com/b'/>",
            "<presence from='romeo@example.com/c'/>",
            "<presence from='juliet@example.com' type='error'><error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");

        Assert.False(harness.Client.Availability.IsAvailable(Juliet));
        Assert.True(harness.Client.Availability.IsAvailable(Jid.Parse("romeo@example.com")));
        Assert.Equal(["a", "b"], gone.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tracked_presences_still_reach_PresenceReceived_after_the_module_saw_them()
    {
        var seen = new List<string>();
        await using var harness = PresenceHarness.Create();
        harness.Client.Availability.ContactPresenceChanged += args =>
        {
            seen.Add($"module {args.Resource.Resource}");
            return Task.CompletedTask;
        };
        harness.Client.PresenceReceived += presence =>
        {
            // The table already holds the presence when the public event runs.
            seen.Add($"event {presence.Type} {harness.Client.Availability.IsAvailable(Juliet)}");
            return Task.CompletedTask;
        };
        await harness.ConnectAsync();
        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/a'/>",
            "<presence from='juliet@example.com/a' type='error'><error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>",
            "<presence from='juliet@example.com' type='subscribe'/>");

        Assert.Equal(["module a", "event Available True", "module a", "event Error False", "event Subscribe False"], seen);
    }

    [Fact]
    public async Task The_accounts_own_resources_are_tracked_under_its_bare_jid()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync(
            "<presence from='user@example.com/test'/>",
            "<presence from='user@example.com/phone'><priority>-1</priority></presence>");

        var own = harness.Client.BoundJid!.Value.Bare;
        Assert.Equal(["test", "phone"], harness.Client.Availability.GetResources(own).Select(r => r.Jid.Resource));
    }

    [Fact]
    public async Task Presences_of_a_session_are_forgotten_in_the_next_one()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync("<presence from='juliet@example.com/a'/>");
        Assert.True(harness.Client.Availability.IsAvailable(Juliet));

        await harness.Client.DisconnectAsync();
        await harness.ConnectAsync();
        await harness.ServerSendsAsync("<presence from='romeo@example.com/b'/>");

        Assert.Equal([Jid.Parse("romeo@example.com")], harness.Client.Availability.GetAvailableContacts());
    }

    [Fact]
    public async Task Nobody_is_available_once_DisconnectAsync_returns_even_before_the_event_task_clears_the_table()
    {
        var blocking = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync("<presence from='juliet@example.com/a'/>");
        harness.Client.MessageReceived += message =>
        {
            if (message.Body != "block")
            {
                return Task.CompletedTask;
            }

            blocking.SetResult();
            return release.Task;
        };
        await harness.ServerPushesAsync("<message from='example.com'><body>block</body></message>");
        await blocking.Task.WaitAsync(TimeSpan.FromSeconds(10));

        try
        {
            // The event task is busy, so the Disconnected state (which clears the table) waits behind the handler.
            await harness.Client.DisconnectAsync();

            Assert.False(harness.Client.Availability.IsAvailable(Juliet));
            Assert.Empty(harness.Client.Availability.GetResources(Juliet));
            Assert.Null(harness.Client.Availability.GetBestResource(Juliet));
            Assert.Empty(harness.Client.Availability.GetAvailableContacts());
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task Presence_without_a_sender_and_probes_are_not_tracked()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync("<presence/>", "<presence from='juliet@example.com/a' type='probe'/>");

        Assert.Empty(harness.Client.Availability.GetAvailableContacts());
    }

    [Fact]
    public async Task The_presence_property_throws_when_the_module_is_switched_off()
    {
        await using var client = new XmppClient(Support.TestClients.Options() with { Extensions = XmppExtensionSet.Default.Remove<Xmpp.Client.Extensions.Availability.AvailabilityExtension>() });

        var error = Assert.Throws<InvalidOperationException>(() => client.Availability);
        Assert.Contains("AvailabilityExtension", error.Message, StringComparison.Ordinal);
    }
}
