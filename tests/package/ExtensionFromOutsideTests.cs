using System.Xml.Linq;
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;

namespace PackageTests;

/// <summary>
/// <see cref="StatsExtension"/>, an extension written outside the library, between two real clients (alice and bob)
/// on a real Prosody: each test connects its own pair.
/// </summary>
public sealed class ExtensionFromOutsideTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Bob_asks_alices_full_jid_for_stats_and_gets_the_typed_answer()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");

        var first = await bob.Stats().QueryAsync(alice.BoundJid!.Value).WaitAsync(Wait);
        var second = await bob.SendIqAsync<StatsQuery>(new Iq(IqType.Get, new StatsQuery().ToXElement()) { To = alice.BoundJid }).WaitAsync(Wait);

        Assert.Equal(1, first.Answered);
        Assert.Equal(2, second?.Answered);
        Assert.InRange(second?.UptimeSeconds ?? -1, 0, 600);
    }

    [Fact]
    public async Task A_stats_request_the_typed_reader_rejects_is_answered_bad_request()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var malformed = new Iq(IqType.Get, new XElement(StatsQuery.ElementName, new XAttribute("answered", "lots"))) { To = alice.BoundJid };

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => bob.SendIqAsync(malformed).WaitAsync(Wait));

        Assert.Equal(StanzaErrorCondition.BadRequest, error.Error.Condition);
    }

    [Fact]
    public async Task The_extensions_feature_is_in_disco_info_of_alices_full_jid()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");

        var info = await bob.Disco.GetInfoAsync(alice.BoundJid!.Value).WaitAsync(Wait);

        Assert.True(info.HasFeature(StatsExtension.Namespace));
        Assert.True(alice.Features.Contains(StatsExtension.Namespace));
    }

    [Fact]
    public async Task The_extensions_feature_is_in_the_verified_capabilities_of_alices_presence()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var aliceJid = alice.BoundJid!.Value;
        var presence = Next(handler => bob.PresenceReceived += handler, handler => bob.PresenceReceived -= handler,
            (Presence p) => p.From == aliceJid && p.Type == PresenceType.Available);

        // A directed presence carries the capabilities too: no subscription needed.
        await alice.Availability.SendDirectedAsync(bob.BoundJid!.Value);

        var announced = (await presence).GetPayload<EntityCapabilities>();
        Assert.Equal(alice.Disco.OwnCapabilities, announced);
        // Verified: bob asked alice's disco#info and its hash matched, so the hash covers the extension's feature.
        var capabilities = await bob.Disco.GetCapabilitiesAsync(aliceJid).WaitAsync(Wait);
        Assert.NotNull(capabilities);
        Assert.True(capabilities.HasFeature(StatsExtension.Namespace));
        Assert.True(alice.Disco.OwnInfo.HasFeature(StatsExtension.Namespace));
    }

    [Fact]
    public async Task A_chat_message_with_a_body_arrives_with_the_trace_and_the_callers_message_is_unchanged()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var received = NextMessage(bob, "traced");
        var sent = new Message(bob.BoundJid!.Value, "traced");

        await alice.SendAsync(sent);

        var trace = (await received).GetPayload(StatsExtension.Trace);
        Assert.NotNull(trace);
        Assert.Equal(alice.BoundJid.ToString(), (string?)trace.Attribute("hop"));
        Assert.Empty(sent.Payloads); // the decorator worked on the client's copy
    }

    [Fact]
    public async Task A_message_sent_undecorated_arrives_without_the_trace()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var received = NextMessage(bob, "plain");

        await alice.SendAsync(new Message(bob.BoundJid!.Value, "plain"), XmppSendOptions.Undecorated);

        Assert.False((await received).HasPayload(StatsExtension.Trace));
    }

    [Fact]
    public async Task A_mood_in_a_message_raises_the_extensions_MoodReceived_and_the_message_still_reaches_MessageReceived()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var mood = Next<MoodReceivedEventArgs>(handler => bob.Stats().MoodReceived += handler, handler => bob.Stats().MoodReceived -= handler, _ => true);
        var received = NextMessage(bob, "guess how I feel");
        var message = new Message(bob.BoundJid!.Value, "guess how I feel");
        message.AddPayload(new Mood("happy"));

        await alice.SendAsync(message);

        var args = await mood;
        Assert.Equal(alice.BoundJid, args.From);
        Assert.Equal(new Mood("happy"), args.Mood);
        Assert.Equal(new Mood("happy"), (await received).GetPayload<Mood>());
    }

    [Fact]
    public async Task A_message_the_extensions_route_consumes_never_reaches_MessageReceived_and_later_messages_do()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var seen = new List<Message>();
        bob.MessageReceived += message =>
        {
            lock (seen)
            {
                seen.Add(message);
            }

            return Task.CompletedTask;
        };
        var after = NextMessage(bob, "after the secret");
        var secret = new Message(bob.BoundJid!.Value, null);
        secret.AddPayload(new XElement(StatsExtension.Secret));

        await alice.SendAsync(secret);
        await alice.SendAsync(new Message(bob.BoundJid!.Value, "after the secret"));

        await after; // routes and events keep the stream's order: the secret was dispatched before it
        Assert.Equal(1, bob.Stats().SecretsReceived);
        lock (seen)
        {
            Assert.DoesNotContain(seen, message => message.HasPayload(StatsExtension.Secret));
            Assert.Contains(seen, message => message.Body == "after the secret");
        }
    }

    [Fact]
    public async Task Stats_is_the_clients_registered_instance_and_a_client_without_it_says_how_to_register_it()
    {
        await using var with = new XmppClient(TestServer.Prosody.Options("alice") with { Extensions = XmppExtensionSet.Default.Add<StatsExtension>() });
        await using var without = new XmppClient(TestServer.Prosody.Options("alice"));

        Assert.Same(with.GetExtension<StatsExtension>(), with.Stats());
        Assert.Contains(with.Extensions, extension => extension is StatsExtension);
        var error = Assert.Throws<InvalidOperationException>(() => without.Stats());
        Assert.Contains("XmppClientOptions.Extensions", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A connected client of <paramref name="user"/> that runs the built-in extensions and StatsExtension.</summary>
    private static async Task<XmppClient> ConnectAsync(string user)
    {
        var client = new XmppClient(TestServer.Prosody.Options(user) with
        {
            Extensions = XmppExtensionSet.Default.Add<StatsExtension>(),
        });
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.ConnectAsync(timeout.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next message <paramref name="client"/> raises in MessageReceived with that body.</summary>
    private static Task<Message> NextMessage(XmppClient client, string body) =>
        Next(handler => client.MessageReceived += handler, handler => client.MessageReceived -= handler, (Message m) => m.Body == body);

    /// <summary>The first matching event argument, raised after this call; fails after <see cref="Wait"/>.</summary>
    private static async Task<T> Next<T>(Action<Func<T, Task>> add, Action<Func<T, Task>> remove, Func<T, bool> match)
    {
        var seen = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<T, Task> handler = args =>
        {
            if (match(args))
            {
                seen.TrySetResult(args);
            }

            return Task.CompletedTask;
        };
        add(handler);
        try
        {
            return await seen.Task.WaitAsync(Wait);
        }
        finally
        {
            remove(handler);
        }
    }
}
