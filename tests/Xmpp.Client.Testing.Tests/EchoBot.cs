using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

/// <summary>The behaviour of samples/EchoBot/Program.cs as a handler a test can attach to a client.</summary>
internal static class EchoBot
{
    public static void Attach(XmppClient client)
    {
        client.MessageReceived += async message =>
        {
            if (message.Body is not { } body || message.From is null || message.Type is MessageType.Groupchat or MessageType.Error)
            {
                return;
            }

            await client.SendAsync(message.CreateReply(body));
        };

        client.PresenceReceived += async presence =>
        {
            if (presence.Type == PresenceType.Subscribe && presence.From is { } from)
            {
                await client.SendAsync(new Presence(PresenceType.Subscribed) { To = from.Bare });
                await client.SendAsync(new Presence(PresenceType.Subscribe) { To = from.Bare });
            }
        };
    }

    /// <summary>Logs in as the sample does: connect, fetch the roster, send presence.</summary>
    public static async Task StartAsync(XmppClient client)
    {
        Attach(client);
        await client.ConnectAsync();
        await client.Roster.GetAsync();
        await client.SendAsync(new Presence());
    }
}
