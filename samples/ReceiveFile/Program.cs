// ReceiveFile: logs in, says it is online, and saves the files sent to it into --dir: direct transfers (Jingle file
// transfer over in-band bytestreams, hash checked) and links in messages (XEP-0066 out of band data, downloaded over
// https, or http with --no-tls). Prints "Saved <path>" for each; --count <n> exits 0 after n files.
using System.Runtime.InteropServices;
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Samples;
using Xmpp.Client.Stanzas;

const long MaxFileBytes = 100 * 1024 * 1024;
var extra = new HashSet<string>(StringComparer.Ordinal) { "--dir", "--count" };
var ok = ConnectionArguments.TryParse(args, extra, out var arguments, out var error);
var count = 0;
if (ok && (!arguments.Extra.TryGetValue("--dir", out var dir) || !Directory.Exists(dir)))
{
    (ok, error) = (false, arguments.Extra.ContainsKey("--dir") ? $"--dir: no folder '{arguments.Extra["--dir"]}'." : "--dir <folder> is required.");
}

if (ok && arguments.Extra.TryGetValue("--count", out var countText) && (!int.TryParse(countText, out count) || count <= 0))
{
    (ok, error) = (false, $"--count: '{countText}' is not a positive whole number.");
}

if (!ok)
{
    Console.Error.WriteLine($"{error}\n\nUsage: ReceiveFile --jid <jid> --dir <folder> [--count <n>] [options]\n{ConnectionArguments.Usage}");
    return 2;
}

var folder = Path.GetFullPath(arguments.Extra["--dir"]);
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

var options = arguments.Options with
{
    Extensions = XmppExtensionSet.Default.Add(() => new JingleFileTransferExtension(new JingleFileTransferOptions { MaxFileSize = MaxFileBytes })),
};
using var loggerFactory = arguments.CreateLoggerFactory();
await using var client = new XmppClient(options, loggerFactory);
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
var saved = 0;
var gate = new object();

void Saved(string path)
{
    Console.WriteLine($"Saved {path}");
    lock (gate)
    {
        if (++saved == count)
        {
            stop.Cancel();
        }
    }
}

// A name of our own in --dir: the sender's name is only a hint (never a path), and nothing is overwritten.
string NewPath(string? offered)
{
    var name = Path.GetFileName(offered ?? "");
    name = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) ? '_' : c)).Trim('.', ' ');
    name = name.Length is > 0 and <= 100 ? name : "file";
    var path = Path.Combine(folder, name);
    for (var i = 1; File.Exists(path); i++)
    {
        path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)} ({i}){Path.GetExtension(name)}");
    }

    return path;
}

client.GetExtension<JingleFileTransferExtension>().FileOffered += async offer =>
{
    var path = NewPath(offer.File.Name);
    Console.Error.WriteLine($"{offer.Sender} offers {offer.File.Name} ({offer.File.Size} bytes)");
    var transfer = await offer.AcceptAsync(path, cancellationToken: stop.Token);
    _ = transfer.Completion.ContinueWith(done =>
    {
        if (done.IsCompletedSuccessfully)
        {
            Saved(path);
        }
        else
        {
            Console.Error.WriteLine($"The transfer of {offer.File.Name} failed: {done.Exception?.InnerException?.Message ?? "cancelled"}");
        }
    }, TaskScheduler.Default);
};

client.MessageReceived += message =>
{
    foreach (var link in message.GetOutOfBandData())
    {
        var url = link.Url;
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && arguments.Options.TlsMode == TlsMode.Disabled)
            && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            Console.Error.WriteLine($"Not downloading {url}: only https links are fetched.");
            continue;
        }

        _ = Task.Run(() => DownloadAsync(url, stop.Token));
    }

    return Task.CompletedTask;
};

async Task DownloadAsync(Uri url, CancellationToken cancellationToken)
{
    var path = NewPath(Uri.UnescapeDataString(url.Segments[^1]));
    try
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxFileBytes)
        {
            Console.Error.WriteLine($"Not downloading {url}: larger than {MaxFileBytes} bytes.");
            return;
        }

        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    throw new IOException($"larger than {MaxFileBytes} bytes");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        Saved(path);
    }
    catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
    {
        File.Delete(path);
        Console.Error.WriteLine($"The download of {url} failed: {failure.Message}");
    }
}

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
