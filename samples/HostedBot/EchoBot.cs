using Xmpp.Client.Hosting;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Samples.HostedBot;

/// <summary>Echoes chat messages and accepts subscriptions, like samples/EchoBot, with the host's stopping token.</summary>
internal sealed class EchoBot(XmppClient client) : XmppBotService(client)
{
    private volatile bool _online;

    protected override async Task OnConnectedAsync(CancellationToken stoppingToken)
    {
        // Fetching the roster makes this session one the server tells about subscription answers (RFC 6121 §2.1.6).
        await Client.Roster.GetAsync(stoppingToken);
        await Client.SendAsync(new Presence(), stoppingToken);
        Console.WriteLine($"Online as {Client.BoundJid}");
        _online = true;
    }

    protected override async Task OnMessageAsync(Message message, CancellationToken stoppingToken)
    {
        if (message.Body is not { } body || message.From is not { } from || message.Type is MessageType.Groupchat or MessageType.Error)
        {
            return;
        }

        Console.WriteLine($"{from}: {body}");
        await Client.SendAsync(message.CreateReply(body), stoppingToken);
    }

    protected override async Task OnPresenceAsync(Presence presence, CancellationToken stoppingToken)
    {
        if (presence.Type == PresenceType.Subscribe && presence.From is { } from)
        {
            Console.WriteLine($"Accepting the subscription request of {from.Bare}");
            await Client.SendAsync(new Presence(PresenceType.Subscribed) { To = from.Bare }, stoppingToken);
            await Client.SendAsync(new Presence(PresenceType.Subscribe) { To = from.Bare }, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_online)
        {
            Console.WriteLine("Bye");
        }
    }
}
