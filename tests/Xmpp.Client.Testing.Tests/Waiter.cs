using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

/// <summary>Collects what a bot (a plain XmppClient) receives, for tests to await.</summary>
internal sealed class Waiter<T>
{
    private readonly System.Threading.Channels.Channel<T> _items = System.Threading.Channels.Channel.CreateUnbounded<T>();

    public void Add(T item) => _items.Writer.TryWrite(item);

    public async Task<T> NextAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _items.Reader.ReadAsync(limit.Token);
    }

    public static Waiter<Presence> Presences(XmppClient client)
    {
        var waiter = new Waiter<Presence>();
        client.PresenceReceived += presence =>
        {
            if (presence.From != client.BoundJid)
            {
                waiter.Add(presence);
            }

            return Task.CompletedTask;
        };
        return waiter;
    }

    public static Waiter<Message> Messages(XmppClient client)
    {
        var waiter = new Waiter<Message>();
        client.MessageReceived += message =>
        {
            waiter.Add(message);
            return Task.CompletedTask;
        };
        return waiter;
    }
}
