using System.Collections.Concurrent;
using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>Received messages and presences reach the extensions' routes by kind, type and payload name, in order.</summary>
public class ExtensionRoutingTests
{
    private static readonly XName Alpha = XName.Get("alpha", "urn:example:a");
    private static readonly XName Beta = XName.Get("beta", "urn:example:b");

    [Fact]
    public async Task A_route_sees_only_the_messages_that_carry_its_payload()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnMessage((message, _) => Record(seen, $"alpha {message.Id}"), Alpha)));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='1'><body>plain</body></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='2'><alpha xmlns='urn:example:a'/></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='3'><alpha xmlns='urn:example:other'/></message>");
        await harness.SyncAsync();

        Assert.Equal(["alpha 2"], seen);
    }

    [Fact]
    public async Task Routes_run_in_registration_order_and_one_that_handles_the_message_hides_it_from_later_routes_and_the_event()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty
            .Add(() => new FirstExtension(context =>
            {
                context.OnMessage((message, _) => Record(seen, $"first-any {message.Id}"));
                context.OnMessage((message, _) => Record(seen, $"first-beta {message.Id}", handled: true), Beta);
            }))
            .Add(() => new SecondExtension(context => context.OnMessage((message, _) => Record(seen, $"second-any {message.Id}"))));
        await using var harness = await MessagingHarness.ConnectAsync(set);
        harness.Client.MessageReceived += message => Task.FromResult(Record(seen, $"event {message.Id}"));

        await harness.SendAsync("<message from='a@example.com/x' id='1'><body>hi</body></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='2'><beta xmlns='urn:example:b'/></message>");
        await harness.SyncAsync();

        Assert.Equal(["first-any 1", "second-any 1", "event 1", "first-any 2", "first-beta 2"], seen.Where(line => !line.Contains("marker", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_route_for_several_payloads_runs_once_for_a_message_that_carries_several_of_them()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnMessage((message, _) => Record(seen, message.Id!), [Alpha, Beta])));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='both'><beta xmlns='urn:example:b'/><alpha xmlns='urn:example:a'/><alpha xmlns='urn:example:a'/></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='beta'><beta xmlns='urn:example:b'/></message>");
        await harness.SyncAsync();

        Assert.Equal(["both", "beta"], seen);
    }

    [Fact]
    public async Task A_typed_route_gets_the_payload_read_and_passes_by_one_it_cannot_read()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnMessage<Stats>((message, stats, _) => Record(seen, $"{message.Id} {stats.Uptime}"))));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='good'><stats xmlns='urn:example:stats' uptime='5'/></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='bad'><stats xmlns='urn:example:stats' uptime='soon'/></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='after'><stats xmlns='urn:example:stats' uptime='6'/></message>");
        await harness.SyncAsync();

        Assert.Equal(["good 5", "after 6"], seen);
    }

    [Fact]
    public async Task A_type_filter_keeps_other_types_out()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnMessage((message, _) => Record(seen, message.Id!), type: MessageType.Headline)));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='chat' type='chat'><body>x</body></message>");
        await harness.SendAsync("<message from='a@example.com/x' id='headline' type='headline'><body>x</body></message>");
        await harness.SyncAsync();

        Assert.Equal(["headline"], seen);
    }

    [Fact]
    public async Task Presence_routes_see_presences_only()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
        {
            context.OnPresence((presence, _) => Record(seen, $"presence {presence.Id}"), Alpha);
            context.OnPresence((presence, _) => Record(seen, $"unavailable {presence.Id}"), type: PresenceType.Unavailable);
        }));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='m'><alpha xmlns='urn:example:a'/></message>");
        await harness.SendAsync("<presence from='a@example.com/x' id='p'><alpha xmlns='urn:example:a'/></presence>");
        await harness.SendAsync("<presence from='a@example.com/x' id='u' type='unavailable'/>");
        await harness.SyncAsync();

        Assert.Equal(["presence p", "unavailable u"], seen);
    }

    [Fact]
    public async Task A_route_that_throws_is_logged_and_the_message_still_reaches_later_routes_and_the_event()
    {
        var seen = new ConcurrentQueue<string>();
        var set = XmppExtensionSet.Empty
            .Add(() => new FirstExtension(context => context.OnMessage((_, _) => throw new InvalidOperationException("route bug"))))
            .Add(() => new SecondExtension(context => context.OnMessage((message, _) => Record(seen, $"second {message.Id}"))));
        await using var harness = await MessagingHarness.ConnectAsync(set);
        harness.Client.MessageReceived += message => Task.FromResult(Record(seen, $"event {message.Id}"));

        await harness.SendAsync("<message from='a@example.com/x' id='1'><body>hi</body></message>");
        await harness.SyncAsync();

        Assert.Equal(["second 1", "event 1"], seen.Take(2));
    }

    [Fact]
    public async Task A_routes_token_is_cancelled_when_the_session_ends()
    {
        var token = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnMessage((_, cancellationToken) =>
            {
                token.TrySetResult(cancellationToken);
                return new(false);
            }, Alpha)));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='a@example.com/x' id='1'><alpha xmlns='urn:example:a'/></message>");
        var given = await token.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(given.IsCancellationRequested);

        await harness.Client.DisconnectAsync();
        Assert.True(given.IsCancellationRequested);
    }

    private static ValueTask<bool> Record(ConcurrentQueue<string> seen, string line, bool handled = false)
    {
        seen.Enqueue(line);
        return new(handled);
    }
}
