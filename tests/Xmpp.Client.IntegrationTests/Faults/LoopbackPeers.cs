using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>
/// A tiny TCP server on 127.0.0.1 for the proxy's own tests: it hands every accepted socket to the test, so a test
/// holds both ends of a proxied connection (the client it opened, the server side it accepted).
/// </summary>
internal sealed class LoopbackPeers : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _opened = [];

    public LoopbackPeers()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Connects a client to <paramref name="proxy"/> and returns it with the server side the proxy opened.</summary>
    public async Task<(Socket Client, Socket Server)> ConnectThroughAsync(FaultProxy proxy, CancellationToken cancellationToken)
    {
        var client = Track(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        await client.ConnectAsync(proxy.EndPoint, cancellationToken);
        var server = Track(await _listener.AcceptAsync(cancellationToken));
        return (client, server);
    }

    public void Dispose()
    {
        lock (_opened)
        {
            foreach (var socket in _opened)
            {
                socket.Dispose();
            }
        }

        _listener.Dispose();
    }

    public static async Task SendAsync(Socket socket, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        for (var sent = 0; sent < bytes.Length;)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (fails on end of stream).</summary>
    public static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        for (var read = 0; read < count;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            Assert.True(n > 0, $"End of stream after {read} of {count} bytes.");
            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until the connection ends; returns what arrived and whether it ended with a reset (else EOF).</summary>
    public static async Task<(string Text, bool Reset)> ReceiveToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    return (text.ToString(), false);
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return (text.ToString(), true);
        }
    }

    private Socket Track(Socket socket)
    {
        lock (_opened)
        {
            _opened.Add(socket);
        }

        return socket;
    }
}
