// EchoBot: logs in, says it is online, echoes every message with a body back to its sender, accepts presence
// subscriptions (and subscribes back), and leaves cleanly on Ctrl+C or SIGTERM. The client's modules (on by default)
// answer ping, software version and service discovery queries and acknowledge messages that ask for a receipt.
using System.Runtime.InteropServices;
using Xmpp.Client;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

if (!ConnectionArguments.TryParse(args, new HashSet<string>(), out var arguments, out var error))
{
    Console.Error.WriteLine($"{error}\n\nUsage: EchoBot --jid <jid> [options]\n{ConnectionArguments.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

using var loggerFactory = arguments.CreateLoggerFactory();
await using var client = new XmppClient(arguments.Options, loggerFactory);

client.MessageReceived += async message =>
{
    if (message.Body is not { } body || message.From is not { } from || message.Type is MessageType.Groupchat or MessageType.Error)
    {
        return;
    }

    Console.WriteLine($"{from}: {body}");
    await client.SendAsync(message.CreateReply(body));
};

client.PresenceReceived += async presence =>
{
    if (presence.Type == PresenceType.Subscribe && presence.From is { } from)
    {
        Console.WriteLine($"Accepting the subscription request of {from.Bare}");
        await client.SendAsync(new Presence(PresenceType.Subscribed) { To = from.Bare });
        await client.SendAsync(new Presence(PresenceType.Subscribe) { To = from.Bare });
    }
};

try
{
    await client.ConnectAsync(stop.Token);
    // Fetching the roster makes this session one the server tells about subscription answers (RFC 6121 §2.1.6).
    await client.Roster.GetAsync(stop.Token);
    await client.SendAsync(new Presence(), stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
catch (Exception failure) when (failure is XmppException or TimeoutException)
{
    Console.Error.WriteLine($"EchoBot could not log in: {failure.Message}");
    return 1;
}

Console.WriteLine($"Online as {client.BoundJid}");
var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
client.StateChanged += change =>
{
    if (change.State == XmppClientState.Disconnected)
    {
        ended.TrySetResult(change.Error);
    }

    return Task.CompletedTask;
};

var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onStop = stop.Token.Register(() => stopped.TrySetResult());
if (await Task.WhenAny(ended.Task, stopped.Task) == ended.Task)
{
    Console.Error.WriteLine($"EchoBot lost the connection: {ended.Task.Result?.Message ?? "closed"}");
    return 1;
}

await client.DisconnectAsync(CancellationToken.None);
Console.WriteLine("Bye");
return 0;
