using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>XmppClient against the real servers through <see cref="FaultProxy"/>: transparent until it cuts.</summary>
[Collection(ServersCollection.Name)]
public sealed class ProxiedServerTests(ServersFixture fixture)
{
    private static readonly TimeSpan SeeDisconnect = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Client_logs_in_over_starttls_through_the_proxy_and_resumes_after_a_cut(string name)
    {
        var server = fixture.Servers.Named(name);
        await using var proxy = FaultProxy.Start(server.EndPoint);
        await using var client = await ClientFactory.ConnectedAsync(Through(proxy, server));
        var states = new EventWaiter<XmppClientStateChangedEventArgs>();
        client.StateChanged += states.Handler;
        Assert.True(client.Negotiated!.IsEncrypted);

        await proxy.CutAllAsync();

        var dropped = await states.NextAsync(e => e.State == XmppClientState.Reconnecting, SeeDisconnect,
            $"the client connected to {name} through the proxy to see the cut");
        Assert.IsType<XmppConnectionLostException>(dropped.Error);
        var back = await states.NextAsync(e => e.State == XmppClientState.Connected, SeeDisconnect,
            $"the client connected to {name} through the proxy to resume");
        Assert.True(back.Resumed);
        Assert.Equal(1, proxy.Cuts);
        Assert.Equal(2, proxy.AcceptedConnections);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_cut_at_any_point_of_the_login_fails_the_connect_with_an_xmpp_exception(string name)
    {
        var server = fixture.Servers.Named(name);
        var loginBytes = await MeasureLoginAsync(server);

        // Every 97th byte, through the stream headers, STARTTLS, the TLS handshake, SASL and the bind. The login's
        // size varies by a few dozen bytes (nonces, ids), so the last 200 bytes are left out.
        for (var bytes = 1; bytes < loginBytes - 200; bytes += 97)
        {
            await using var proxy = FaultProxy.Start(server.EndPoint);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var cut = proxy.CutAfterAsync(bytes, timeout.Token);
            await using var client = new XmppClient(Through(proxy, server));

            await Assert.ThrowsAnyAsync<XmppException>(() => client.ConnectAsync(timeout.Token));

            await cut;
            Assert.Equal(bytes, proxy.ForwardedBytes);
            Assert.Equal(XmppClientState.Disconnected, client.State);
        }
    }

    /// <summary>The bytes a whole login moves through the proxy, both directions.</summary>
    private async Task<long> MeasureLoginAsync(XmppTestServer server)
    {
        await using var proxy = FaultProxy.Start(server.EndPoint);
        await using var client = await ClientFactory.ConnectedAsync(Through(proxy, server));
        Assert.True(proxy.ForwardedBytes > 2000, $"A login through the proxy moved only {proxy.ForwardedBytes} bytes.");
        return proxy.ForwardedBytes;
    }

    private XmppClientOptions Through(FaultProxy proxy, XmppTestServer server) =>
        ClientFactory.Options(fixture.Servers, server).Through(proxy);
}
