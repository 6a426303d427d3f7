using System.Collections.Concurrent;
using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>What an extension is told about sessions: started (new or resumed), new after a lost one, ended.</summary>
public class ExtensionLifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_first_session_is_new_and_offers_the_servers_stream_features_before_ConnectAsync_returns()
    {
        var events = new ConcurrentQueue<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(features: "<ver xmlns='urn:xmpp:features:rosterver'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = Recording(events) });
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal(["new False", "started resumed=False reconnection=False user@example.com/test rosterver=True"], events);
        }
    }

    [Fact]
    public async Task A_reconnection_that_cannot_resume_is_a_new_session_after_the_old_ones_end()
    {
        var events = new ConcurrentQueue<string>();
        var connection = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(); // no stream management: nothing to resume
            if (Interlocked.Increment(ref connection) == 1)
            {
                await connected.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            second.TrySetResult();
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = Recording(events) });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            connected.TrySetResult();
            await second.Task.WaitAsync(Wait);
            await states.WaitForAsync(XmppClientState.Connected, 2);

            Assert.Equal(
                [
                    "new False", "started resumed=False reconnection=False user@example.com/test rosterver=False",
                    "ended error=True reconnecting=True",
                    "new True", "started resumed=False reconnection=True user@example.com/test rosterver=False",
                ],
                events);
        }
    }

    [Fact]
    public async Task A_resumed_session_is_started_as_resumed_without_a_new_session()
    {
        var events = new ConcurrentQueue<string>();
        var connection = 0;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await connected.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='0'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = Recording(events) });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            connected.TrySetResult();
            Assert.True((await states.WaitForAsync(XmppClientState.Connected, 2)).Resumed);

            Assert.Equal(
                [
                    "new False", "started resumed=False reconnection=False user@example.com/test rosterver=False",
                    "ended error=True reconnecting=True",
                    "started resumed=True reconnection=True user@example.com/test rosterver=False",
                ],
                events);
        }
    }

    [Fact]
    public async Task Disconnecting_ends_the_session_without_an_error_before_StateChanged_reports_it()
    {
        var events = new ConcurrentQueue<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = Recording(events) });
        await using (client)
        {
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.StateChanged += change =>
            {
                events.Enqueue($"state {change.State}");
                if (change.State == XmppClientState.Disconnected)
                {
                    disconnected.TrySetResult();
                }

                return Task.CompletedTask;
            };
            await client.ConnectAsync();
            await client.DisconnectAsync();
            await disconnected.Task.WaitAsync(Wait);

            Assert.Equal(["ended error=False reconnecting=False", "state Disconnecting", "state Disconnected"], events.SkipWhile(line => !line.StartsWith("ended", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_session_start_callback_that_throws_fails_ConnectAsync()
    {
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.OnSessionStarted((_, _) => throw new InvalidOperationException("cannot start"))));
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = set });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync());
            Assert.Equal("cannot start", error.Message);
            Assert.Equal(XmppClientState.Disconnected, client.State);
        }
    }

    private static XmppExtensionSet Recording(ConcurrentQueue<string> events) =>
        XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
        {
            context.OnNewSession(session => events.Enqueue($"new {session.IsReconnection}"));
            context.OnSessionStarted((session, _) =>
            {
                var rosterVersioning = session.HasStreamFeature(XName.Get("ver", "urn:xmpp:features:rosterver"));
                events.Enqueue($"started resumed={session.IsResumed} reconnection={session.IsReconnection} {session.BoundJid} rosterver={rosterVersioning}");
                return Task.CompletedTask;
            });
            context.OnSessionEnded(ended =>
            {
                events.Enqueue($"ended error={ended.Error is not null} reconnecting={ended.IsReconnecting}");
                return Task.CompletedTask;
            });
        }));

    [Fact]
    public async Task Background_work_started_from_an_event_does_not_count_as_running_inside_it()
    {
        var seen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        XmppExtensionContext? context = null;
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(c =>
        {
            context = c;
            c.OnMessage(async (message, token) =>
            {
                var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                c.RunInBackground(_ =>
                {
                    seen.TrySetResult(c.InEventCallback);
                    inside.TrySetResult();
                    return Task.CompletedTask;
                });
                await inside.Task.WaitAsync(Wait, token); // the event is still being handled while the work runs
                return true;
            });
        }));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<message from='juliet@example.com/balcony' id='m1'><body>hi</body></message>");

        Assert.False(await seen.Task.WaitAsync(Wait));
        Assert.True(context!.InEventCallback is false);
    }
}
