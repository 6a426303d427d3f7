using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>
/// One client connection of a <see cref="FaultProxy"/> and its connection to the target, with two copy loops (one per
/// direction) that ask the proxy what to do with every chunk. An end of stream is passed on as one (half-close); a
/// reset or error on either side resets both; <see cref="Abort"/> resets both at once.
/// </summary>
internal sealed class ProxiedConnection
{
    private const int BufferSize = 16 * 1024;

    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _server;
    private readonly TaskCompletionSource _closing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;

    public ProxiedConnection(FaultProxy proxy, Socket client, AddressFamily targetFamily)
    {
        _proxy = proxy;
        _client = client;
        _server = new Socket(targetFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    /// <summary>Completes when both sockets are closed and both copy loops have ended; never faults on socket errors.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(EndPoint target) => Completion = RunAsync(target);

    /// <summary>Resets both sides (RST, no FIN): true when this call closed them, false when they were closed already.</summary>
    public bool Abort() => Close(abortive: true);

    private async Task RunAsync(EndPoint target)
    {
        try
        {
            _client.NoDelay = true;
            await _server.ConnectAsync(target);
        }
        catch (Exception e) when (IsSocketEnd(e))
        {
            // The target is down (or we were cut while connecting): the client sees a reset, as from a dead server.
            Close(abortive: true);
            _proxy.Forget(this);
            return;
        }

        await Task.WhenAll(PumpAsync(_client, _server), PumpAsync(_server, _client));
        Close(abortive: false);
        _proxy.Forget(this);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (from == _client)
                {
                    // Held client bytes wait here (a cut or the proxy's disposal ends the wait).
                    await Task.WhenAny(_proxy.UpstreamReleased, _closing.Task);
                }

                await ForwardAsync(buffer.AsMemory(0, read), to);
            }
        }
        catch (Exception e) when (IsSocketEnd(e))
        {
            // One side reset or was closed under us: the other side must see the connection die too.
            Close(abortive: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ForwardAsync(ReadOnlyMemory<byte> chunk, Socket to)
    {
        var budget = _proxy.ArmedCut;
        var count = _proxy.IsBlackHole ? 0 : budget?.Reserve(chunk.Length) ?? chunk.Length;
        // Counted before sending: once a peer has the bytes, the proxy's counters show them.
        _proxy.Counted(forwarded: count, dropped: chunk.Length - count);
        try
        {
            for (var sent = 0; sent < count;)
            {
                sent += await to.SendAsync(chunk[sent..count], SocketFlags.None);
            }
        }
        finally
        {
            if (budget is not null && count > 0 && budget.Release())
            {
                _proxy.Fire(budget);
            }
        }
    }

    private bool Close(bool abortive)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return false;
        }

        _closing.TrySetResult();
        foreach (var socket in new[] { _client, _server })
        {
            if (abortive)
            {
                // Linger 0: close sends RST at once instead of a FIN, and discards what was not sent yet.
                socket.LingerState = new LingerOption(true, 0);
            }

            socket.Dispose();
        }

        return true;
    }

    private static bool IsSocketEnd(Exception e) =>
        e is SocketException or ObjectDisposedException or OperationCanceledException;
}
