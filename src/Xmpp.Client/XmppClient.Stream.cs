using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Xmpp.Client.Internal;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>
    /// The messages received from now on, for <c>await foreach</c>, in stream order. Ends when
    /// <paramref name="cancellationToken"/> is cancelled or the client disconnects. The loop body may dispose the client.
    /// </summary>
    /// <remarks>
    /// Messages wait in a buffer of <paramref name="capacity"/> while the loop body runs; when it is full, or the
    /// messages waiting add up to <see cref="XmppClientOptions.MaxQueuedEventBytes"/> with the rest of the event
    /// queue, event delivery (and then reading from the server) pauses until the loop catches up, so nothing is dropped.
    /// </remarks>
    /// <param name="capacity">How many messages may wait for the loop.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<Message> ReadMessagesAsync(int capacity = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ThrowIfDisposed();
        var channel = Channel.CreateBounded<(Message Message, EventWork? Held)>(new BoundedChannelOptions(capacity) { SingleReader = true });

        // Disposing stops the wait for room too (the loop body may be the one disposing: a bot that quits), and ends
        // the loop even if the client never connected (no Disconnected to end it then).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var token = stop.Token; // read once: a handler may still run after the loop is over and `stop` disposed
        using var onDispose = _disposing.Token.Register(() => channel.Writer.TryComplete());
        async Task Enqueue(Message message)
        {
            // The message's bytes stay counted by the event queue until the loop takes it.
            var held = _events.HoldCurrent();
            var written = false;
            try
            {
                await channel.Writer.WriteAsync((message, held), token).ConfigureAwait(false);
                written = true;
            }
            catch (Exception error) when (error is OperationCanceledException or ChannelClosedException)
            {
                // The enumeration ended or the client is being disposed: nobody reads this message.
            }
            finally
            {
                if (!written)
                {
                    held?.Release();
                }
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
            await foreach (var (message, held) in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                held?.Release();
                yield return message;
            }
        }
        finally
        {
            MessageReceived -= Enqueue;
            StateChanged -= Ended;
            channel.Writer.TryComplete();
            while (channel.Reader.TryRead(out var left))
            {
                left.Held?.Release(); // never read: give the bytes back
            }
        }
    }
}
