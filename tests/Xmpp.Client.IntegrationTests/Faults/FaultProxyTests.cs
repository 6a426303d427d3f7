using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using static Xmpp.Client.IntegrationTests.Faults.LoopbackPeers;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>The fault proxy itself, between two loopback sockets held by the test (no XMPP server).</summary>
public sealed class FaultProxyTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));
    private readonly LoopbackPeers _peers = new();

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _peers.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Listens_on_loopback_only_on_a_port_of_its_own()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);

        Assert.Equal(IPAddress.Loopback, proxy.EndPoint.Address);
        Assert.NotEqual(0, proxy.EndPoint.Port);
        Assert.NotEqual(_peers.EndPoint.Port, proxy.EndPoint.Port);
    }

    [Fact]
    public async Task Forwards_bytes_both_ways_unchanged()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        await SendAsync(client, "<stream:stream>", Token);
        Assert.Equal("<stream:stream>", Encoding.ASCII.GetString(await ReceiveExactlyAsync(server, 15, Token)));
        await SendAsync(server, "<features/>", Token);
        Assert.Equal("<features/>", Encoding.ASCII.GetString(await ReceiveExactlyAsync(client, 11, Token)));
        Assert.Equal(1, proxy.ActiveConnections);
        Assert.Equal(1, proxy.AcceptedConnections);
        Assert.Equal(26, proxy.ForwardedBytes);
    }

    [Fact]
    public async Task Forwards_a_megabyte_each_way_at_once_byte_for_byte()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);
        var up = RandomNumberGenerator.GetBytes(1 << 20);
        var down = RandomNumberGenerator.GetBytes(1 << 20);

        var sending = Task.WhenAll(client.SendAsync(up, SocketFlags.None, Token).AsTask(),
            server.SendAsync(down, SocketFlags.None, Token).AsTask());
        var atServer = ReceiveExactlyAsync(server, up.Length, Token);
        var atClient = ReceiveExactlyAsync(client, down.Length, Token);
        await sending;

        Assert.Equal(up, await atServer);
        Assert.Equal(down, await atClient);
    }

    [Fact]
    public async Task End_of_stream_from_one_side_is_passed_on_and_the_other_way_stays_open()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        await SendAsync(client, "bye", Token);
        client.Shutdown(SocketShutdown.Send);
        var atServer = await ReceiveToEndAsync(server, Token);
        await SendAsync(server, "late", Token);
        server.Shutdown(SocketShutdown.Send);
        var atClient = await ReceiveToEndAsync(client, Token);

        Assert.Equal(("bye", false), atServer);
        Assert.Equal(("late", false), atClient);
        await Eventually(() => proxy.ActiveConnections == 0, "the closed connection to be forgotten");
        Assert.Equal(0, proxy.Cuts);
    }

    [Fact]
    public async Task CutAll_resets_the_client_side_and_the_server_side()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);
        await SendAsync(client, "ping", Token);
        await ReceiveExactlyAsync(server, 4, Token);

        await proxy.CutAllAsync();

        Assert.Equal(("", true), await ReceiveToEndAsync(client, Token));
        Assert.Equal(("", true), await ReceiveToEndAsync(server, Token));
        Assert.Equal(1, proxy.Cuts);
        Assert.Equal(0, proxy.ActiveConnections);
    }

    [Fact]
    public async Task CutAll_cuts_every_live_connection_and_new_ones_are_forwarded_again()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var first = await _peers.ConnectThroughAsync(proxy, Token);
        var second = await _peers.ConnectThroughAsync(proxy, Token);

        await proxy.CutAllAsync();
        var third = await _peers.ConnectThroughAsync(proxy, Token);
        await SendAsync(third.Client, "again", Token);

        Assert.True((await ReceiveToEndAsync(first.Server, Token)).Reset);
        Assert.True((await ReceiveToEndAsync(second.Client, Token)).Reset);
        Assert.Equal("again", Encoding.ASCII.GetString(await ReceiveExactlyAsync(third.Server, 5, Token)));
        Assert.Equal(2, proxy.Cuts);
        Assert.Equal(3, proxy.AcceptedConnections);
        Assert.Equal(1, proxy.ActiveConnections);
    }

    [Fact]
    public async Task CutAfter_forwards_exactly_that_many_bytes_counting_both_directions_then_resets_both_sides()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        var cut = proxy.CutAfterAsync(10, Token);
        await SendAsync(client, "<iq/>!", Token);
        await ReceiveExactlyAsync(server, 6, Token);
        Assert.False(cut.IsCompleted);
        await SendAsync(server, "<message>", Token);
        await cut;

        Assert.Equal(("<mes", true), await ReceiveToEndAsync(client, Token));
        Assert.Equal(("", true), await ReceiveToEndAsync(server, Token));
        Assert.Equal(10, proxy.ForwardedBytes);
        Assert.Equal(1, proxy.Cuts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(100_000)]
    public async Task CutAfter_splits_a_single_write_at_the_byte_asked(int bytes)
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);
        var payload = new string('x', 200_000);

        var cut = proxy.CutAfterAsync(bytes, Token);
        await SendAsync(client, payload, Token);
        var received = await ReceiveToEndAsync(server, Token);
        await cut;

        Assert.Equal((payload[..bytes], true), received);
    }

    [Fact]
    public async Task CutAfter_waits_for_the_next_connection_when_none_is_live()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);

        var cut = proxy.CutAfterAsync(3, Token);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);
        await SendAsync(client, "abcdef", Token);
        await cut;

        Assert.Equal(("abc", true), await ReceiveToEndAsync(server, Token));
    }

    [Fact]
    public async Task CutAfter_refuses_a_second_armed_cut_and_canceling_disarms_the_first()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);
        using var cancel = new CancellationTokenSource();

        var cut = proxy.CutAfterAsync(2, cancel.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => proxy.CutAfterAsync(5, Token));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cut);
        await SendAsync(client, "still open", Token);

        Assert.Equal("still open", Encoding.ASCII.GetString(await ReceiveExactlyAsync(server, 10, Token)));
        Assert.Equal(0, proxy.Cuts);
    }

    [Fact]
    public async Task HoldUpstream_keeps_what_the_client_sends_until_lifted_while_the_server_still_gets_through()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        proxy.HoldUpstream(true);
        await SendAsync(client, "held", Token);
        await SendAsync(server, "down", Token);
        Assert.Equal("down", Encoding.ASCII.GetString(await ReceiveExactlyAsync(client, 4, Token)));
        await Task.Delay(200, Token);
        Assert.Equal(0, server.Available);
        await SendAsync(client, " and more", Token);
        proxy.HoldUpstream(false);

        Assert.Equal("held and more", Encoding.ASCII.GetString(await ReceiveExactlyAsync(server, 13, Token)));
        Assert.Equal(0, proxy.DroppedBytes);
        Assert.Equal(17, proxy.ForwardedBytes);
    }

    [Fact]
    public async Task CutAll_ends_a_connection_whose_client_bytes_are_held()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, _) = await _peers.ConnectThroughAsync(proxy, Token);

        proxy.HoldUpstream(true);
        await SendAsync(client, "held", Token);
        await proxy.CutAllAsync().WaitAsync(Token);

        Assert.Equal(0, proxy.ActiveConnections);
        Assert.True((await ReceiveToEndAsync(client, Token)).Reset);
    }

    [Fact]
    public async Task BlackHole_drops_bytes_both_ways_but_keeps_the_sockets_open()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        proxy.BlackHole(true);
        await SendAsync(client, "lost up", Token);
        await SendAsync(server, "lost down", Token);
        await Eventually(() => proxy.DroppedBytes == 16, "the proxy to read and drop 16 bytes");
        proxy.BlackHole(false);
        await SendAsync(client, "up", Token);
        await SendAsync(server, "down", Token);

        Assert.Equal("up", Encoding.ASCII.GetString(await ReceiveExactlyAsync(server, 2, Token)));
        Assert.Equal("down", Encoding.ASCII.GetString(await ReceiveExactlyAsync(client, 4, Token)));
        Assert.Equal(1, proxy.ActiveConnections);
        Assert.Equal(6, proxy.ForwardedBytes);
    }

    [Fact]
    public async Task RefuseNew_resets_new_connections_keeps_live_ones_and_can_be_lifted()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);
        var live = await _peers.ConnectThroughAsync(proxy, Token);

        proxy.RefuseNew(true);
        var refusedEnd = await ConnectAndReadToEndAsync(proxy.EndPoint);
        await SendAsync(live.Client, "alive", Token);
        var liveBytes = await ReceiveExactlyAsync(live.Server, 5, Token);
        proxy.RefuseNew(false);
        var later = await _peers.ConnectThroughAsync(proxy, Token);

        Assert.Equal("reset", refusedEnd);
        Assert.Equal("alive", Encoding.ASCII.GetString(liveBytes));
        Assert.Equal(1, proxy.RefusedConnections);
        Assert.Equal(2, proxy.AcceptedConnections);
        Assert.Equal(2, proxy.ActiveConnections);
        Assert.True(later.Server.Connected);
    }

    [Fact]
    public async Task A_connection_to_a_target_that_is_down_is_reset()
    {
        int deadPort;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            deadPort = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        await using var proxy = FaultProxy.Start(new IPEndPoint(IPAddress.Loopback, deadPort));

        Assert.Equal("reset", await ConnectAndReadToEndAsync(proxy.EndPoint));
        await Eventually(() => proxy.ActiveConnections == 0, "the failed connection to be forgotten");
    }

    [Fact]
    public async Task WaitForConnections_completes_once_enough_connections_were_accepted()
    {
        await using var proxy = FaultProxy.Start(_peers.EndPoint);

        var waiting = proxy.WaitForConnectionsAsync(2, Token);
        await _peers.ConnectThroughAsync(proxy, Token);
        Assert.False(waiting.IsCompleted);
        await _peers.ConnectThroughAsync(proxy, Token);

        await waiting;
        await proxy.WaitForConnectionsAsync(1, Token);
    }

    [Fact]
    public async Task Dispose_resets_live_connections_and_stops_listening()
    {
        var proxy = FaultProxy.Start(_peers.EndPoint);
        var (client, server) = await _peers.ConnectThroughAsync(proxy, Token);

        await proxy.DisposeAsync();

        Assert.True((await ReceiveToEndAsync(client, Token)).Reset);
        Assert.True((await ReceiveToEndAsync(server, Token)).Reset);
        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync(proxy.EndPoint, Token).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    /// <summary>"reset" when the connection is reset during the connect or afterwards, else what was read.</summary>
    private async Task<string> ConnectAndReadToEndAsync(IPEndPoint endPoint)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // The reset may come before the connect completes on the client's side, or after.
            await socket.ConnectAsync(endPoint, Token);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return "reset";
        }

        var (text, reset) = await ReceiveToEndAsync(socket, Token);
        return reset ? "reset" : $"EOF after '{text}'";
    }

    private async Task Eventually(Func<bool> condition, string what)
    {
        while (!condition())
        {
            Assert.False(Token.IsCancellationRequested, $"Timed out waiting for {what}.");
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
