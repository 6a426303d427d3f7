using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

public class SubscriptionTests
{
    private const string PreApprovalFeature = "<sub xmlns='urn:xmpp:features:pre-approval'/>";
    private static readonly Jid JulietPhone = Jid.Parse("juliet@example.com/phone");

    public static TheoryData<string, string> Requests => new()
    {
        { nameof(AvailabilityExtension.SubscribeAsync), "subscribe" },
        { nameof(AvailabilityExtension.UnsubscribeAsync), "unsubscribe" },
        { nameof(AvailabilityExtension.ApproveAsync), "subscribed" },
        { nameof(AvailabilityExtension.DenyAsync), "unsubscribed" },
        { nameof(AvailabilityExtension.CancelAsync), "unsubscribed" },
        { nameof(AvailabilityExtension.PreApproveAsync), "subscribed" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Subscription_stanzas_go_to_the_bare_jid_even_when_given_a_full_one(string method, string type)
    {
        await using var harness = await PresenceHarness.ConnectedAsync(PreApprovalFeature);

        await Send(harness.Client.Availability, method, JulietPhone);

        var sent = await harness.NextSentAsync();
        Assert.Equal(("presence", "juliet@example.com", type), (sent.Name, sent.GetAttribute("to"), sent.GetAttribute("type")));
        Assert.Null(sent.Element("show", "jabber:client"));
    }

    [Fact]
    public async Task Subscribe_carries_the_optional_status_text()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();

        await harness.Client.Availability.SubscribeAsync(JulietPhone, "It's Romeo");

        var sent = await harness.NextSentAsync();
        Assert.Equal("It's Romeo", sent.Element("status", "jabber:client")?.Value);
    }

    [Fact]
    public async Task PreApprove_is_refused_without_the_servers_pre_approval_feature_and_sends_nothing()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        Assert.False(harness.Client.Availability.IsPreApprovalSupported);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => harness.Client.Availability.PreApproveAsync(JulietPhone).AsTask());
        Assert.Contains("ApproveAsync", error.Message, StringComparison.Ordinal);

        // Stanzas go out in order: had the pre-approval been sent, it would come before this request.
        await harness.Client.Availability.SubscribeAsync(JulietPhone);
        Assert.Equal("subscribe", (await harness.NextSentAsync()).GetAttribute("type"));
    }

    [Fact]
    public async Task PreApprove_is_allowed_when_the_server_announces_pre_approval()
    {
        await using var harness = await PresenceHarness.ConnectedAsync(PreApprovalFeature);

        Assert.True(harness.Client.Availability.IsPreApprovalSupported);
        await harness.Client.Availability.PreApproveAsync(JulietPhone);
        Assert.Equal("subscribed", (await harness.NextSentAsync()).GetAttribute("type"));
    }

    [Fact]
    public async Task Sending_while_disconnected_throws_InvalidOperationException()
    {
        await using var harness = PresenceHarness.Create();
        var presence = harness.Client.Availability;

        Assert.False(presence.IsPreApprovalSupported);
        await Assert.ThrowsAsync<InvalidOperationException>(() => presence.SubscribeAsync(JulietPhone).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => presence.PreApproveAsync(JulietPhone).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => presence.SendAvailableAsync().AsTask());
    }

    [Fact]
    public async Task An_empty_jid_is_rejected()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();

        foreach (var method in (string[])[nameof(AvailabilityExtension.SubscribeAsync), nameof(AvailabilityExtension.UnsubscribeAsync),
                     nameof(AvailabilityExtension.ApproveAsync), nameof(AvailabilityExtension.DenyAsync), nameof(AvailabilityExtension.CancelAsync),
                     nameof(AvailabilityExtension.PreApproveAsync)])
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Send(harness.Client.Availability, method, default));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.Availability.SendDirectedAsync(default).AsTask());
        Assert.Throws<ArgumentException>(() => harness.Client.Availability.IsAvailable(default));
    }

    [Fact]
    public async Task Incoming_requests_and_answers_raise_their_events_with_the_bare_jid_and_status()
    {
        var events = new List<string>();
        await using var harness = PresenceHarness.Create();
        var presence = harness.Client.Availability;
        Func<SubscriptionEventArgs, Task> Record(string name) => args =>
        {
            events.Add($"{name} {args.Contact} {args.Status} {args.Stanza.Type}");
            return Task.CompletedTask;
        };
        presence.SubscriptionRequested += Record("requested");
        presence.SubscriptionApproved += Record("approved");
        presence.SubscriptionDenied += Record("denied");
        presence.ContactUnsubscribed += Record("unsubscribed");
        await harness.ConnectAsync();

        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com' type='subscribe'><status>Add me</status></presence>",
            "<presence from='juliet@example.com/phone' type='subscribed'/>",
            "<presence from='romeo@example.com' type='unsubscribed'/>",
            "<presence from='nurse@example.com' type='unsubscribe'/>");

        Assert.Equal(
        [
            "requested juliet@example.com Add me Subscribe",
            "approved juliet@example.com  Subscribed",
            "denied romeo@example.com  Unsubscribed",
            "unsubscribed nurse@example.com  Unsubscribe",
        ], events);
        Assert.Empty(presence.GetAvailableContacts());
    }

    [Fact]
    public async Task A_request_can_be_approved_from_the_event_handler()
    {
        await using var harness = PresenceHarness.Create();
        harness.Client.Availability.SubscriptionRequested += args => harness.Client.Availability.ApproveAsync(args.Contact).AsTask();
        await harness.ConnectAsync();

        await harness.ServerSendsAsync("<presence from='juliet@example.com' type='subscribe'/>");

        XmppElement sent = await harness.NextSentAsync();
        Assert.Equal(("juliet@example.com", "subscribed"), (sent.GetAttribute("to"), sent.GetAttribute("type")));
    }

    private static Task Send(AvailabilityExtension presence, string method, Jid contact) => method switch
    {
        nameof(AvailabilityExtension.SubscribeAsync) => presence.SubscribeAsync(contact).AsTask(),
        nameof(AvailabilityExtension.UnsubscribeAsync) => presence.UnsubscribeAsync(contact).AsTask(),
        nameof(AvailabilityExtension.ApproveAsync) => presence.ApproveAsync(contact).AsTask(),
        nameof(AvailabilityExtension.DenyAsync) => presence.DenyAsync(contact).AsTask(),
        nameof(AvailabilityExtension.CancelAsync) => presence.CancelAsync(contact).AsTask(),
        nameof(AvailabilityExtension.PreApproveAsync) => presence.PreApproveAsync(contact).AsTask(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
