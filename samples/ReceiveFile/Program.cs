// ReceiveFile: logs in, says it is online, and saves the files sent to it into --dir: direct transfers (Jingle file
// transfer over in-band bytestreams, hash checked) and links in messages (XEP-0066 out of band data, downloaded over
// https, or http with --no-tls). Prints "Saved <path>" for each; --count <n> exits 0 after n files.
using System.Runtime.InteropServices;
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

var dirOption = SampleCommandLine.Value("--dir", "folder", "the folder to save the files in");
var countOption = SampleCommandLine.Value("--count", "n", "exit after n files");
var commandLine = new SampleCommandLine("ReceiveFile --jid <jid> --dir <folder> [--count <n>] [options]",
    "saves the files sent to the account into a folder", dirOption, countOption);
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (commandLine.GetValue(dirOption) is not { } dir || !Directory.Exists(dir))
{
    return commandLine.Fail(commandLine.GetValue(dirOption) is { } missing ? $"--dir: no folder '{missing}'." : "--dir <folder> is required.");
}

var count = 0;
if (commandLine.GetValue(countOption) is { } countText && (!int.TryParse(countText, out count) || count <= 0))
{
    return commandLine.Fail($"--count: '{countText}' is not a positive whole number.");
}

var folder = Path.GetFullPath(dir);
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

var options = commandLine.Options with
{
    Extensions = XmppExtensionSet.Default.Add(() => new JingleFileTransferExtension(new JingleFileTransferOptions { MaxFileSize = FileReceiver.MaxFileBytes })),
};
using var loggerFactory = commandLine.CreateLoggerFactory();
await using var client = new XmppClient(options, loggerFactory);
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
// FileReceiver.cs: saving what is sent. Links over plain http are fetched from loopback, or from anywhere with --no-tls.
var receiver = new FileReceiver(folder, http, allowHttp: options.TlsMode == TlsMode.Disabled, Console.Out, Console.Error);
var saved = 0;
receiver.Saved += _ =>
{
    if (Interlocked.Increment(ref saved) == count)
    {
        stop.Cancel();
    }
};
receiver.Attach(client, stop.Token);

try
{
    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
    {
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await client.ConnectAsync(timeout.Token);
        await client.SendAsync(new Presence(), timeout.Token); // offers go to online clients
    }

    Console.WriteLine($"Online as {client.BoundJid}");
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    await client.DisconnectAsync(CancellationToken.None);
    return 0;
}
catch (Exception failure) when (failure is XmppException or TimeoutException or OperationCanceledException)
{
    Console.Error.WriteLine($"ReceiveFile failed: {failure.Message}");
    return 1;
}
