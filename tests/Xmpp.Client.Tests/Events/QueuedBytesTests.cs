using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

public class QueuedBytesTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(1)]
    [InlineData(1000)] // handlers running side by side hold their stanzas' bytes too
    public async Task A_slow_handler_and_a_flood_of_large_stanzas_pause_reading_once_the_queued_bytes_pass_the_bound(int concurrentHandlers)
    {
        const int Messages = 100;
        const int BodyBytes = 16 * 1024;
        const long Bound = 256 * 1024;
        var written = 0;
        var body = new string('x', BodyBytes);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            for (var i = 0; i < Messages; i++)
            {
                await server.SendAsync($"<message from='juliet@example.com/a' type='chat'><body>{body}</body></message>");
                Interlocked.Increment(ref written);
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { MaxQueuedEventBytes = Bound, MaxConcurrentEventHandlers = concurrentHandlers });
        await using (client)
        {
            client.MessageReceived += async _ =>
            {
                await release.Task; // no handler finishes until the test says so
                if (Interlocked.Increment(ref received) == Messages)
                {
                    all.TrySetResult();
                }
            };
            try
            {
                await client.ConnectAsync();
                await Task.Delay(1000); // the server writes as long as the client reads

                // The bound (16 messages of 16 KiB) plus one message, plus what the pipes between buffer (64 KiB each).
                Assert.InRange(Volatile.Read(ref written), 16, 40);
                Assert.InRange(client.QueuedEventBytes, Bound, Bound + BodyBytes + 1024);
            }
            finally
            {
                release.TrySetResult();
            }

            await all.Task.WaitAsync(Long); // every message arrives once the handler catches up
            var deadline = DateTime.UtcNow + Long;
            while (client.QueuedEventBytes != 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(0, client.QueuedEventBytes);
        }
    }

    [Fact]
    public async Task Messages_waiting_in_a_ReadMessagesAsync_buffer_count_against_the_byte_bound()
    {
        const int Messages = 100;
        const long Bound = 256 * 1024;
        var written = 0;
        var body = new string('x', 16 * 1024);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.ExpectAsync("presence"); // the loop is listening
            for (var i = 0; i < Messages; i++)
            {
                await server.SendAsync($"<message from='juliet@example.com/a' type='chat'><body>{body}</body></message>");
                Interlocked.Increment(ref written);
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { MaxQueuedEventBytes = Bound });
        await using (client)
        {
            await client.ConnectAsync();
            var messages = client.ReadMessagesAsync(capacity: 1000).GetAsyncEnumerator();
            var first = messages.MoveNextAsync();
            await client.SendAsync(new Xmpp.Client.Stanzas.Presence());
            Assert.True(await first.AsTask().WaitAsync(Long));
            await Task.Delay(1000); // the loop body is slow: messages pile up in the buffer

            Assert.InRange(Volatile.Read(ref written), 16, 40);
            for (var i = 1; i < Messages; i++)
            {
                Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Long));
            }

            await messages.DisposeAsync();
        }
    }

    [Fact]
    public void MaxQueuedEventBytes_below_64_KiB_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new XmppClient(TestClients.Options() with { MaxQueuedEventBytes = 65_535 }));
        Assert.Contains("MaxQueuedEventBytes", error.Message, StringComparison.Ordinal);
    }
}
