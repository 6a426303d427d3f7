using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

/// <summary>The token an IQ handler gets: cancelled when the session the request arrived on is over.</summary>
public class IqHandlerCancellationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_iq_handlers_token_is_cancelled_when_the_client_disconnects()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<iq type='get' id='slow' from='juliet@example.com/a'><query xmlns='urn:example:slow'/></iq>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            using var registration = client.RegisterIqHandler("query", "urn:example:slow", async (iq, token) =>
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    cancelled.TrySetResult();
                    throw;
                }

                return iq.CreateResult();
            });
            await client.ConnectAsync(); // the handler is there before the request arrives
            await started.Task.WaitAsync(Wait);

            await client.DisconnectAsync();

            await cancelled.Task.WaitAsync(Wait);
        }
    }

    [Fact]
    public async Task An_iq_handlers_token_is_cancelled_when_a_reconnection_starts_a_new_session()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(); // no stream management: every reconnection is a new session
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.SendAsync("<iq type='get' id='slow' from='juliet@example.com/a'><query xmlns='urn:example:slow'/></iq>");
                await started.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            using var registration = client.RegisterIqHandler("query", "urn:example:slow", async (iq, token) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => cancelled.TrySetResult(), TaskScheduler.Default);
                return iq.CreateResult();
            });
            await client.ConnectAsync();

            await cancelled.Task.WaitAsync(Wait);
        }
    }
}
