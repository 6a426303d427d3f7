using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Samples;

/// <summary>
/// What EchoBot does once it is online, apart from the command line and the console: Program.cs attaches it to the
/// client it connects, and the tests (tests/Xmpp.Client.Samples.Tests) to a client of an in-memory server.
/// </summary>
public static class Echo
{
    /// <summary>
    /// Echoes every message with a body back to its sender (not groupchat or error messages), and accepts presence
    /// subscriptions, subscribing back. Prints a line on <paramref name="output"/> for each.
    /// </summary>
    public static void Attach(XmppClient client, TextWriter output)
    {
        client.MessageReceived += async message =>
        {
            if (message.Body is not { } body || message.From is not { } from || message.Type is MessageType.Groupchat or MessageType.Error)
            {
                return;
            }

            output.WriteLine($"{from}: {body}");
            await client.SendAsync(message.CreateReply(body));
        };

        client.PresenceReceived += async presence =>
        {
            if (presence.Type == PresenceType.Subscribe && presence.From is { } from)
            {
                output.WriteLine($"Accepting the subscription request of {from.Bare}");
                await client.SendAsync(new Presence(PresenceType.Subscribed) { To = from.Bare });
                await client.SendAsync(new Presence(PresenceType.Subscribe) { To = from.Bare });
            }
        };
    }

    /// <summary>Logs in and goes online: connects, fetches the roster, sends presence.</summary>
    public static async Task GoOnlineAsync(XmppClient client, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(cancellationToken);
        // Fetching the roster makes this session one the server tells about subscription answers (RFC 6121 §2.1.6).
        await client.Roster.GetAsync(cancellationToken);
        await client.SendAsync(new Presence(), cancellationToken);
    }
}
