// EchoBot: logs in, says it is online, echoes every message with a body back to its sender, accepts presence
// subscriptions (and subscribes back), and leaves cleanly on Ctrl+C or SIGTERM. The client's modules (on by default)
// answer ping, software version and service discovery queries and acknowledge messages that ask for a receipt.
// The bot itself is in Echo.cs; this file reads the command line (SampleCommandLine.cs) and runs it until stopped.
using System.Runtime.InteropServices;
using Xmpp.Client;
using Xmpp.Client.Samples;

var commandLine = new SampleCommandLine("EchoBot --jid <jid> [options]", "echoes every message back to its sender");
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
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

using var loggerFactory = commandLine.CreateLoggerFactory();
await using var client = new XmppClient(commandLine.Options, loggerFactory);
Echo.Attach(client, Console.Out);
try
{
    await Echo.GoOnlineAsync(client, stop.Token);
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
