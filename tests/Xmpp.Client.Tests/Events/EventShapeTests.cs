using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

public class EventShapeTests
{
    [Fact]
    public async Task An_async_StateChanged_handler_is_awaited_before_the_next_event_is_raised()
    {
        var seen = new List<string>();
        var message = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<message from='juliet@example.com/a'><body>hi</body></message>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            client.StateChanged += async change =>
            {
                await Task.Delay(50);
                lock (seen)
                {
                    seen.Add(change.State.ToString());
                }
            };
            client.MessageReceived += m =>
            {
                lock (seen)
                {
                    seen.Add(m.Body!);
                }

                message.TrySetResult();
                return Task.CompletedTask;
            };
            await client.ConnectAsync();
            await message.Task.WaitAsync(TimeSpan.FromSeconds(10));
            lock (seen)
            {
                Assert.Equal(["Connecting", "Connected", "hi"], seen);
            }
        }
    }

    [Fact]
    public async Task StateChanged_and_Reconnected_handlers_that_throw_after_an_await_are_logged_and_the_client_goes_on()
    {
        var logs = new ListLoggerFactory();
        var logins = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref logins) == 1)
            {
                await server.ExpectAsync("presence");
                return; // the first connection drops: the client reconnects
            }

            await server.SendAsync("<message from='juliet@example.com/a'><body>after</body></message>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { StreamManagement = false }, logs);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (client)
        {
            client.StateChanged += async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("state handler bug");
            };
            client.Reconnected += async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("reconnected handler bug");
            };
            client.Reconnected += _ =>
            {
                reconnected.TrySetResult();
                return Task.CompletedTask;
            };
            client.MessageReceived += m =>
            {
                received.TrySetResult(m.Body!);
                return Task.CompletedTask;
            };
            await client.ConnectAsync();
            try
            {
                await client.SendAsync(new Presence());
            }
            catch (XmppConnectionLostException)
            {
                // The server answers the presence by closing; the send may see it.
            }

            Assert.Equal("after", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(10)); // a later handler of the same event still ran
            Assert.Equal(XmppClientState.Connected, client.State);
            Assert.Contains($"An event handler for {nameof(XmppClient.StateChanged)} threw", logs.Messages);
            Assert.Contains($"An event handler for {nameof(XmppClient.Reconnected)} threw", logs.Messages);
        }
    }
}
