using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>
    /// The messages received from now on, for <c>await foreach</c>, in stream order. Ends when
    /// <paramref name="cancellationToken"/> is cancelled or the client disconnects. The loop body may dispose the client.
    /// </summary>
    /// <remarks>
    /// Messages wait in a buffer of <paramref name="capacity"/> while the loop body runs; when it is full, event
    /// delivery (and then reading from the server) pauses until the loop catches up, so nothing is dropped.
    /// </remarks>
    /// <param name="capacity">How many messages may wait for the loop.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<Message> ReadMessagesAsync(int capacity = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ThrowIfDisposed();
        var channel = Channel.CreateBounded<Message>(new BoundedChannelOptions(capacity) { SingleReader = true });

        // Disposing stops the wait for room too: the loop body may be the one disposing (a bot that quits).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        async Task Enqueue(Message message)
        {
            try
            {
                await channel.Writer.WriteAsync(message, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The enumeration ended or the client is being disposed: nobody reads this message.
            }
        }
        Task Ended(XmppClientStateChangedEventArgs change)
        {
            if (change.State == XmppClientState.Disconnected)
            {
                channel.Writer.TryComplete();
            }

            return Task.CompletedTask;
        }

        MessageReceived += Enqueue;
        StateChanged += Ended;
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
        finally
        {
            MessageReceived -= Enqueue;
            StateChanged -= Ended;
        }
    }
}
