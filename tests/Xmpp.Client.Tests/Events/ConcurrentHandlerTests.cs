using System.Collections.Concurrent;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

public class ConcurrentHandlerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task By_default_a_slow_handler_delays_the_next_message_and_every_message_keeps_stream_order()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new ConcurrentQueue<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = MessagesServer(["slow", "1", "2", "3"]);
        await using (client)
        {
            client.MessageReceived += async message =>
            {
                if (message.Body == "slow")
                {
                    await release.Task;
                }

                seen.Enqueue(message.Body!);
                if (seen.Count == 4)
                {
                    all.TrySetResult();
                }
            };
            try
            {
                await client.ConnectAsync();
                await Task.Delay(300);
                Assert.Empty(seen);
            }
            finally
            {
                release.TrySetResult();
            }

            await all.Task.WaitAsync(Long);
            Assert.Equal(["slow", "1", "2", "3"], seen);
        }
    }

    [Fact]
    public async Task With_concurrent_handlers_a_slow_message_handler_does_not_delay_the_next_messages()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fast = new ConcurrentQueue<string>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = MessagesServer(["slow", "1", "2"], TestClients.Options() with { MaxConcurrentEventHandlers = 4 });
        await using (client)
        {
            client.MessageReceived += async message =>
            {
                if (message.Body == "slow")
                {
                    await release.Task; // a `!version` to a peer that never answers
                    return;
                }

                fast.Enqueue(message.Body!);
                if (fast.Count == 2)
                {
                    both.TrySetResult();
                }
            };
            try
            {
                await client.ConnectAsync();

                await both.Task.WaitAsync(Long);
                Assert.Equal(["1", "2"], fast);
            }
            finally
            {
                release.TrySetResult(); // also when the test fails, so that disposing is not held up
            }
        }
    }

    [Fact]
    public async Task With_concurrent_handlers_a_slow_iq_handler_does_not_delay_messages_and_still_answers()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<iq type='get' id='slow1' from='juliet@example.com/a'><slow xmlns='urn:test'/></iq>");
            await server.SendAsync("<message from='juliet@example.com/a'><body>meanwhile</body></message>");
            answer.SetResult((await server.ExpectAsync("iq")).GetAttribute("type"));
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { MaxConcurrentEventHandlers = 4 });
        await using (client)
        {
            var message = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.RegisterIqHandler("slow", "urn:test", async (iq, _) =>
            {
                await release.Task;
                return iq.CreateResult();
            });
            client.MessageReceived += m =>
            {
                message.TrySetResult(m.Body!);
                return Task.CompletedTask;
            };
            try
            {
                await client.ConnectAsync();

                Assert.Equal("meanwhile", await message.Task.WaitAsync(Long));
                Assert.False(answer.Task.IsCompleted);
            }
            finally
            {
                release.TrySetResult();
            }

            Assert.Equal("result", await answer.Task.WaitAsync(Long));
        }
    }

    [Fact]
    public async Task With_concurrent_handlers_handlers_start_in_stream_order_and_at_most_the_limit_run_at_once()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new ConcurrentQueue<string>();
        var running = 0;
        var most = 0;
        var done = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodies = Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (client, _) = MessagesServer(bodies, TestClients.Options() with { MaxConcurrentEventHandlers = 3 });
        await using (client)
        {
            client.MessageReceived += async message =>
            {
                started.Enqueue(message.Body!);
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                if (Interlocked.Increment(ref done) == bodies.Length)
                {
                    all.TrySetResult();
                }
            };
            try
            {
                await client.ConnectAsync();
                var deadline = DateTime.UtcNow + Long;
                while (started.Count < 3 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }

                await Task.Delay(200);
                Assert.Equal(3, started.Count); // the fourth waits for a free slot
            }
            finally
            {
                release.TrySetResult();
            }

            await all.Task.WaitAsync(Long);
            Assert.Equal(bodies, started);
            Assert.Equal(3, Volatile.Read(ref most));
        }
    }

    [Fact]
    public async Task With_concurrent_handlers_DisposeAsync_waits_for_running_handlers_and_may_be_called_from_one()
    {
        var finished = 0;
        var quitting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = MessagesServer(["work", "!quit"], TestClients.Options() with { MaxConcurrentEventHandlers = 4 });
        client.MessageReceived += async message =>
        {
            if (message.Body == "work")
            {
                await Task.Delay(300);
                Interlocked.Increment(ref finished);
                return;
            }

            await Task.Yield(); // off the event task: runs side by side with "work"
            await client.DisposeAsync();
            quitting.TrySetResult();
        };
        await client.ConnectAsync();

        await quitting.Task.WaitAsync(Long);
        await client.DisposeAsync().AsTask().WaitAsync(Long); // from outside: returns once every handler has ended
        Assert.Equal(1, Volatile.Read(ref finished));
        await client.EventTask.WaitAsync(Long);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void MaxConcurrentEventHandlers_out_of_range_is_refused(int value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new XmppClient(TestClients.Options() with { MaxConcurrentEventHandlers = value }));
        Assert.Contains("MaxConcurrentEventHandlers", error.Message, StringComparison.Ordinal);
    }

    private static (XmppClient Client, FakeConnector Connector) MessagesServer(string[] bodies, XmppClientOptions? options = null) =>
        TestClients.Create(async server =>
        {
            await server.LoginAsync();
            foreach (var body in bodies)
            {
                await server.SendAsync($"<message from='juliet@example.com/a' type='chat'><body>{body}</body></message>");
            }

            await server.UntilClientClosesAsync();
        }, options);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
