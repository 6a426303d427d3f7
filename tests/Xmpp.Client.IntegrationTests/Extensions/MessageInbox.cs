using System.Threading.Channels;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Collects the messages a client receives, so a test can wait (bounded) for the one it is about.</summary>
internal sealed class MessageInbox
{
    private readonly Channel<Message> _messages = Channel.CreateUnbounded<Message>();

    public MessageInbox(XmppClient client)
    {
        client.MessageReceived += message =>
        {
            _messages.Writer.TryWrite(message);
            return Task.CompletedTask;
        };
    }

    /// <summary>The first message (from now on) that matches; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<Message> WaitForAsync(Func<Message, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(cancel.Token))
            {
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching message within {timeout.TotalSeconds} s.");
        }

        throw new InvalidOperationException("The inbox was closed.");
    }

    /// <summary>The first message whose body is <paramref name="body"/>.</summary>
    public Task<Message> WaitForBodyAsync(string body, TimeSpan timeout) => WaitForAsync(message => message.Body == body, timeout);
}
