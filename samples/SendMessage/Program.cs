// SendMessage: sends one chat message, makes sure the server has taken it, and optionally prints the reply.
using Xmpp.Client;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

var toOption = SampleCommandLine.Value("--to", "jid", "the contact to send it to");
var bodyOption = SampleCommandLine.Value("--body", "text", "the message");
var waitOption = SampleCommandLine.Value("--wait-reply", "seconds", "wait this long for an answer and print it");
var commandLine = new SampleCommandLine("SendMessage --jid <jid> --to <jid> --body <text> [--wait-reply <seconds>] [options]",
    "sends one chat message, and optionally prints the reply", toOption, bodyOption, waitOption);
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (!Jid.TryParse(commandLine.GetValue(toOption), out var to))
{
    return commandLine.Fail("--to <jid> is required and must be a valid JID.");
}

if (commandLine.GetValue(bodyOption) is not { } body)
{
    return commandLine.Fail("--body <text> is required.");
}

var waitSeconds = 0.0;
if (commandLine.GetValue(waitOption) is { } waitText && (!double.TryParse(waitText, out waitSeconds) || waitSeconds <= 0))
{
    return commandLine.Fail($"--wait-reply: '{waitText}' is not a positive number of seconds.");
}

using var loggerFactory = commandLine.CreateLoggerFactory();
await using var client = new XmppClient(commandLine.Options, loggerFactory);
var reply = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
client.MessageReceived += message =>
{
    if (message.From?.Bare == to.Bare && message.Body is not null && message.Type != MessageType.Error)
    {
        reply.TrySetResult(message);
    }

    return Task.CompletedTask;
};

try
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
    await client.ConnectAsync(timeout.Token);
    await client.SendAsync(new Message(to, body), timeout.Token);
    // The server handles a client's stanzas in order: once it answers this ping, it has taken the message.
    await client.SendIqAsync(new Iq(IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping"))), timeout.Token);
    Console.WriteLine($"Sent to {to}");
    if (waitSeconds > 0)
    {
        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(waitSeconds), timeout.Token);
        Console.WriteLine($"Reply from {answer.From}: {answer.Body}");
    }

    await client.DisconnectAsync(timeout.Token);
    return 0;
}
catch (TimeoutException) when (waitSeconds > 0 && !reply.Task.IsCompleted)
{
    Console.Error.WriteLine($"No reply from {to.Bare} within {waitSeconds} s.");
    return 1;
}
catch (Exception failure) when (failure is XmppException or TimeoutException or OperationCanceledException)
{
    Console.Error.WriteLine($"SendMessage failed: {failure.Message}");
    return 1;
}
