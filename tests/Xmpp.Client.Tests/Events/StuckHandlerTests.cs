using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

/// <summary>A handler that never returns cannot make disposing the client hang.</summary>
public class StuckHandlerTests
{
    [Fact]
    public async Task DisposeAsync_gives_up_on_a_handler_that_never_returns_after_the_handler_wait()
    {
        var clock = new ManualClock();
        var logs = new ListLoggerFactory();
        var stuck = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.ExpectAsync("presence");
            await server.SendAsync("<message from='juliet@example.com/a'><body>hang</body></message>");
            await server.UntilClientClosesAsync();
        }, logs: logs, clock: clock);
        client.MessageReceived += _ =>
        {
            stuck.TrySetResult();
            return new TaskCompletionSource().Task; // never completes
        };
        await client.ConnectAsync();
        await client.SendAsync(new Presence());
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var disposing = client.DisposeAsync().AsTask();
        Assert.Equal(EventQueue.HandlerWait, await clock.WaitForTimerAsync());
        clock.Advance(EventQueue.HandlerWait);

        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(logs.Messages, m => m.Contains("still running", StringComparison.Ordinal));
    }
}
