// SendMessage: sends one chat message, makes sure the server has taken it, and optionally prints the reply.
using Xmpp.Client;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

var extra = new HashSet<string>(StringComparer.Ordinal) { "--to", "--body", "--wait-reply" };
var ok = ConnectionArguments.TryParse(args, extra, out var arguments, out var error);
Jid to = default;
var waitSeconds = 0.0;
if (ok && (!arguments.Extra.TryGetValue("--to", out var toText) || !Jid.TryParse(toText, out to)))
{
    (ok, error) = (false, "--to <jid> is required and must be a valid JID.");
}

if (ok && !arguments.Extra.ContainsKey("--body"))
{
    (ok, error) = (false, "--body <text> is required.");
}

if (ok && arguments.Extra.TryGetValue("--wait-reply", out var waitText) && (!double.TryParse(waitText, out waitSeconds) || waitSeconds <= 0))
{
    (ok, error) = (false, $"--wait-reply: '{waitText}' is not a positive number of seconds.");
}

if (!ok)
{
    Console.Error.WriteLine($"{error}\n\nUsage: SendMessage --jid <jid> --to <jid> --body <text> [--wait-reply <seconds>] [options]\n{ConnectionArguments.Usage}");
    return 2;
}

using var loggerFactory = arguments.CreateLoggerFactory();
await using var client = new XmppClient(arguments.Options, loggerFactory);
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
    await client.SendAsync(new Message(to, arguments.Extra["--body"]), timeout.Token);
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
