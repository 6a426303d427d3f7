using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

public class LifecycleFromHandlerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DisposeAsync_called_from_a_message_handler_completes_and_the_event_task_ends_after_the_handler()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<message from='owner@example.com/a' type='chat'><body>!quit</body></message>");
            await server.UntilClientClosesAsync();
        });
        client.MessageReceived += async message =>
        {
            if (message.Body == "!quit")
            {
                await client.DisposeAsync();
                disposed.TrySetResult();
            }
        };
        await client.ConnectAsync();

        await disposed.Task.WaitAsync(Long);
        Assert.Equal(XmppClientState.Disconnected, client.State);
        await client.EventTask.WaitAsync(Long);
        await client.DisposeAsync().AsTask().WaitAsync(Long); // a second call from outside returns too
    }

    [Fact]
    public async Task DisposeAsync_called_from_a_StateChanged_handler_completes()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        client.StateChanged += async change =>
        {
            if (change.State == XmppClientState.Disconnected)
            {
                await client.DisposeAsync();
                disposed.TrySetResult();
            }
        };

        await client.DisconnectAsync().WaitAsync(Long);

        await disposed.Task.WaitAsync(Long);
        await client.EventTask.WaitAsync(Long);
    }

    [Fact]
    public async Task DisconnectAsync_and_ConnectAsync_called_from_a_message_handler_complete()
    {
        var logins = 0;
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref logins) == 1)
            {
                await server.SendAsync("<message from='owner@example.com/a' type='chat'><body>!restart</body></message>");
            }

            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            client.MessageReceived += async message =>
            {
                if (message.Body == "!restart")
                {
                    await client.DisconnectAsync();
                    await client.ConnectAsync();
                    restarted.TrySetResult();
                }
            };
            await client.ConnectAsync();

            await restarted.Task.WaitAsync(Long);
            Assert.Equal(XmppClientState.Connected, client.State);
            Assert.Equal(2, Volatile.Read(ref logins));
        }
    }

    [Fact]
    public async Task DisposeAsync_called_from_a_ReadMessagesAsync_loop_completes_while_its_buffer_is_full()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.ExpectAsync("presence"); // the loop is listening
            foreach (var body in new[] { "!quit", "a", "b", "c" })
            {
                await server.SendAsync($"<message from='owner@example.com/a' type='chat'><body>{body}</body></message>");
            }

            await server.UntilClientClosesAsync();
        });
        await client.ConnectAsync();
        var messages = client.ReadMessagesAsync(capacity: 1).GetAsyncEnumerator();
        var first = messages.MoveNextAsync();
        await client.SendAsync(new Xmpp.Client.Stanzas.Presence());
        Assert.True(await first.AsTask().WaitAsync(Long));
        Assert.Equal("!quit", messages.Current.Body);
        await Task.Delay(200); // the next message fills the buffer, the one after waits on the event task

        await client.DisposeAsync().AsTask().WaitAsync(Long); // what the loop body of a bot that quits does

        await client.EventTask.WaitAsync(Long);
        await messages.DisposeAsync();
    }
}
