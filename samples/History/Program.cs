// History: prints the conversation with one JID from the account's message archive (XEP-0313), oldest first, one line
// per message: `<UTC time> <sender bare JID>: <body>`, the time as `yyyy-MM-ddTHH:mm:ssZ` (whole seconds, truncated;
// the archive's timestamp of the message). Line breaks inside a body are printed as spaces; archived messages without
// a body are left out. With `--max <n>` it prints exactly the last n messages (fewer when the archive holds fewer),
// still oldest first. It pages through the archive as needed (servers return about 50 messages a page) and exits 0;
// a connection or archive error exits 1 with the reason on stderr, a bad command line exits 2 with the usage.
//   History --jid me@example.com --with juliet@example.com [--max 20] [connection options]
using System.Globalization;
using Xmpp.Client;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Samples;

var withOption = SampleCommandLine.Value("--with", "jid", "the contact whose conversation to print");
var maxOption = SampleCommandLine.Value("--max", "n", "print only the last n messages");
var commandLine = new SampleCommandLine("History --jid <jid> --with <jid> [--max <n>] [options]",
    "prints the conversation with one JID from the account's archive", withOption, maxOption);
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (!Jid.TryParse(commandLine.GetValue(withOption), out var with))
{
    return commandLine.Fail("--with <jid> is required and must be a valid JID.");
}

int? max = null;
if (commandLine.GetValue(maxOption) is { } maxText)
{
    if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
    {
        return commandLine.Fail($"--max: '{maxText}' is not a positive whole number.");
    }

    max = n;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var loggerFactory = commandLine.CreateLoggerFactory();
var options = commandLine.Options with { Extensions = commandLine.Options.Extensions.Add<MamExtension>() };
await using var client = new XmppClient(options, loggerFactory);
var output = Console.Out;
try
{
    await client.ConnectAsync(stop.Token);
    var archive = client.GetExtension<MamExtension>();
    var query = new MamQuery { With = with };
    var account = client.BoundJid!.Value.Bare;
    if (max is { } last)
    {
        // Backwards from the newest (RSM <before/>), counting only messages with a body (archives also keep some
        // without one, such as delivery receipts), then printed oldest first.
        var newest = new List<ArchivedMessage>(Math.Min(last, 1024));
        await foreach (var message in archive.QueryAsync(query with { Backward = true }, stop.Token))
        {
            if (message.Message.Body is not null)
            {
                newest.Add(message);
                if (newest.Count == last)
                {
                    break;
                }
            }
        }

        newest.Reverse();
        newest.ForEach(Print);
    }
    else
    {
        await foreach (var message in archive.QueryAsync(query, stop.Token))
        {
            Print(message);
        }
    }

    void Print(ArchivedMessage archived)
    {
        if (archived.Message.Body is not { } body)
        {
            return;
        }

        var time = (archived.Timestamp ?? DateTimeOffset.MinValue).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var sender = archived.Message.From?.Bare ?? account;
        output.WriteLine($"{time} {sender}: {body.ReplaceLineEndings(" ")}");
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
catch (Exception failure) when (failure is XmppException or TimeoutException)
{
    Console.Error.WriteLine($"History could not read the archive: {failure.Message}");
    return 1;
}

await output.FlushAsync();
await client.DisconnectAsync(CancellationToken.None);
return 0;
