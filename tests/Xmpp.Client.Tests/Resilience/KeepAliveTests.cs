using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class KeepAliveTests
{
    [Fact]
    public async Task An_idle_connection_pings_the_server()
    {
        var ping = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            var iq = await server.ExpectAsync("iq");
            ping.SetResult(iq.Element("ping", "urn:xmpp:ping") is null ? null : iq.GetAttribute("to"));
            await server.SendAsync($"<iq type='result' id='{iq.GetAttribute("id")}' from='example.com'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { PingInterval = TimeSpan.FromMilliseconds(100) });
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal("example.com", await ping.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task A_server_that_stops_answering_is_detected_and_the_client_reconnects()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                // Silent from now on: reads the ping, never answers, keeps the connection open.
                await server.UntilClientClosesAsync();
                return;
            }

            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "iq")
                {
                    await server.SendAsync($"<iq type='result' id='{element.GetAttribute("id")}' from='example.com'/>");
                }
            }
        }, TestClients.Resilient() with { PingInterval = TimeSpan.FromMilliseconds(200), PingTimeout = TimeSpan.FromMilliseconds(300) });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            var reconnecting = await states.WaitForAsync(XmppClientState.Reconnecting);
            Assert.Contains("ping", Assert.IsType<XmppConnectionLostException>(reconnecting.Error).Message, StringComparison.Ordinal);
            await states.WaitForReconnectionAsync();
        }
    }

    [Fact]
    public async Task An_answering_server_keeps_the_connection_up()
    {
        using var logs = new ListLoggerFactory();
        var pings = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "iq")
                {
                    Interlocked.Increment(ref pings);
                    await server.SendAsync($"<iq type='result' id='{element.GetAttribute("id")}' from='example.com'></iq>");
                }
            }
        }, TestClients.Resilient() with { PingInterval = TimeSpan.FromMilliseconds(100), PingTimeout = TimeSpan.FromSeconds(3) }, logs);
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Volatile.Read(ref pings) < 5)
            {
                await Task.Delay(50, timeout.Token);
            }

            Assert.True(!states.States.Contains(XmppClientState.Reconnecting), string.Join("\n", logs.Messages.Take(60)));
        }
    }
}
