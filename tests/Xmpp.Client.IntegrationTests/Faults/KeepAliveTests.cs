using Xmpp.Client.Extensions;
using System.Diagnostics;
using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>Keepalives and dead-peer detection against the real servers, with the proxy playing a dead network.</summary>
[Collection(ServersCollection.Name)]
public sealed class KeepAliveTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_connection_that_goes_silent_is_detected_within_the_ping_bound_and_resumed(string name)
    {
        var server = fixture.Servers.Named(name);
        await using var proxy = FaultProxy.Start(server.EndPoint);
        var options = ClientFactory.Options(fixture.Servers, server).Through(proxy) with
        {
            PingInterval = TimeSpan.FromSeconds(1),
            PingTimeout = TimeSpan.FromSeconds(1),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        await using var client = await ClientFactory.ConnectedAsync(options);
        var states = new EventWaiter<XmppClientStateChangedEventArgs>();
        client.StateChanged += states.Handler;

        proxy.BlackHole(true); // The network drops everything; neither side sees the connection close.
        var silent = Stopwatch.StartNew();
        var lost = await states.NextAsync(e => e.State == XmppClientState.Reconnecting, TimeSpan.FromSeconds(20), "the silence to be detected");
        var detected = silent.Elapsed;
        Assert.Contains("ping", Assert.IsType<XmppConnectionLostException>(lost.Error).Message, StringComparison.Ordinal);
        // Ping interval + ping timeout, plus the timer's granularity and a loaded machine's slack.
        Assert.InRange(detected, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));

        proxy.BlackHole(false);
        var back = await states.NextAsync(e => e.State == XmppClientState.Connected, TimeSpan.FromSeconds(30), "the client to reconnect");
        Assert.True(back.Resumed);
    }

    [Fact]
    public async Task An_idle_client_sends_whitespace_keepalives()
    {
        var server = fixture.Servers.Prosody;
        await using var proxy = FaultProxy.Start(server.EndPoint);
        var options = ClientFactory.Options(fixture.Servers, server).Through(proxy) with
        {
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            PingInterval = Timeout.InfiniteTimeSpan,
            Extensions = XmppExtensionSet.Empty,
            StreamManagement = false,
        };
        await using var client = await ClientFactory.ConnectedAsync(options);
        var before = proxy.ForwardedBytes;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // A whitespace keepalive is one byte; over TLS it is one small record (tens of bytes). Several must pass.
        while (proxy.ForwardedBytes - before < 100)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(XmppClientState.Connected, client.State);
    }
}
