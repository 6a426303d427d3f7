using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Xmpp.Client.Net;

/// <summary>Opens one TCP connection, bounded by a timeout, with Nagle's algorithm off.</summary>
internal static class SocketConnector
{
    /// <summary>Connects to <paramref name="address"/>; the socket is disposed if the attempt fails.</summary>
    /// <exception cref="TimeoutException">The attempt took longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="SocketException">The connection was refused or the network is unreachable.</exception>
    public static async Task<Socket> ConnectAsync(IPEndPoint address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            // A small stanza must leave now, not after the peer's delayed ACK (~40 ms per round trip).
            NoDelay = true,
        };
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(address, attempt.Token).ConfigureAwait(false);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No answer within {timeout.TotalSeconds:0.#} s."));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
