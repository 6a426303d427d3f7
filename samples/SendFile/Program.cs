// SendFile: uploads a file to the account's HTTP upload service (XEP-0363) and sends its URL to a contact, as the
// message body and as out of band data (XEP-0066). Prints progress on stderr and the URL alone on stdout.
// With --direct it sends the file straight to one client of the contact (a full JID) instead: Jingle file transfer
// over in-band bytestreams (XEP-0234, XEP-0047), hash checked by the receiver; then it prints "Sent <name> to <jid>".
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

var toOption = SampleCommandLine.Value("--to", "jid", "the contact to send it to");
var fileOption = SampleCommandLine.Value("--file", "path", "the file to send");
var directOption = SampleCommandLine.Switch("--direct", "send straight to a full JID (Jingle, in-band) instead of over HTTP upload");
var commandLine = new SampleCommandLine("SendFile --jid <jid> --to <jid> --file <path> [--direct] [options]",
    "uploads a file and sends its link to a contact, or sends it straight to one of the contact's clients",
    toOption, fileOption, directOption);
if (!commandLine.TryParse(args, out var exitCode))
{
    return exitCode;
}

if (!Jid.TryParse(commandLine.GetValue(toOption), out var to))
{
    return commandLine.Fail("--to <jid> is required and must be a valid JID.");
}

if (commandLine.GetValue(fileOption) is not { } path || !File.Exists(path))
{
    return commandLine.Fail(commandLine.GetValue(fileOption) is { } missing ? $"--file: no file '{missing}'." : "--file <path> is required.");
}

var direct = commandLine.GetValue(directOption);
if (direct && to.IsBare)
{
    return commandLine.Fail("--direct needs --to to be a full JID (one client of the contact, such as bob@example.com/laptop).");
}

// XEP-0363 wants https; --no-tls (a test server on loopback) also accepts upload URLs over plain http.
var uploadOptions = new HttpUploadOptions { AllowInsecureHttp = commandLine.Options.TlsMode == TlsMode.Disabled };
var extensions = XmppExtensionSet.Default.Add(() => new HttpUploadExtension(uploadOptions));
var options = commandLine.Options with { Extensions = direct ? extensions.Add<JingleFileTransferExtension>() : extensions };
using var loggerFactory = commandLine.CreateLoggerFactory();
await using var client = new XmppClient(options, loggerFactory);
try
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    await client.ConnectAsync(timeout.Token);
    var size = new FileInfo(path).Length;
    if (direct)
    {
        var transfer = await client.GetExtension<JingleFileTransferExtension>().OfferFileAsync(to, path, new StderrProgress(size, "Sent"), timeout.Token);
        await transfer.Completion.WaitAsync(timeout.Token); // ends when the receiver has checked the hash
        Console.WriteLine($"Sent {Path.GetFileName(path)} to {to}");
        await client.DisconnectAsync(timeout.Token);
        return 0;
    }

    var url = await client.GetExtension<HttpUploadExtension>().SendFileAsync(to, path, ContentType(path), new StderrProgress(size, "Uploaded"), timeout.Token);
    // The server handles a client's stanzas in order: once it answers this ping, it has taken the message.
    await client.SendIqAsync(new Iq(IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping"))), timeout.Token);
    Console.WriteLine(url.AbsoluteUri);
    await client.DisconnectAsync(timeout.Token);
    return 0;
}
catch (Exception failure) when (failure is XmppException or TimeoutException or OperationCanceledException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"SendFile failed: {failure.Message}");
    return 1;
}

static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
{
    ".png" => "image/png",
    ".jpg" or ".jpeg" => "image/jpeg",
    ".gif" => "image/gif",
    ".webp" => "image/webp",
    ".txt" => "text/plain",
    ".pdf" => "application/pdf",
    _ => HttpUploadExtension.DefaultContentType,
};

/// <summary>Prints "Uploaded n of m bytes (p%)" (or "Sent …") on stderr at every tenth of the file, and at the end.</summary>
internal sealed class StderrProgress(long size, string verb) : IProgress<long>
{
    private long _lastTenth = -1;

    public void Report(long value)
    {
        var tenth = size == 0 ? 10 : value * 10 / size;
        if (tenth != Interlocked.Exchange(ref _lastTenth, tenth))
        {
            Console.Error.WriteLine($"{verb} {value} of {size} bytes ({(size == 0 ? 100 : value * 100 / size)}%)");
        }
    }
}
