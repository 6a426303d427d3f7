using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Extensions.OutOfBand;

namespace Xmpp.Client.Samples;

/// <summary>
/// What ReceiveFile does once it is online, apart from the command line and the console: saves into one folder the
/// files sent to the client, direct transfers (Jingle) and links in messages (XEP-0066 out of band data), under names
/// of its own. Program.cs attaches it to the client it connects, and the tests (tests/Xmpp.Client.Samples.Tests) to a
/// client of an in-memory server, with an <see cref="HttpClient"/> that answers from memory.
/// </summary>
/// <param name="folder">Where the files go.</param>
/// <param name="http">What downloads the links.</param>
/// <param name="allowHttp">Whether links over plain http are fetched from anywhere (not only from loopback).</param>
/// <param name="output">Where "Saved &lt;path&gt;" is printed for each file.</param>
/// <param name="errors">Where offers, refusals and failures are told.</param>
public sealed class FileReceiver(string folder, HttpClient http, bool allowHttp, TextWriter output, TextWriter errors)
{
    /// <summary>The largest file it takes, sent directly or downloaded.</summary>
    public const long MaxFileBytes = 100 * 1024 * 1024;

    /// <summary>Raised with the path of each file saved, after "Saved &lt;path&gt;" is printed.</summary>
    public event Action<string>? Saved;

    /// <summary>
    /// Takes the files offered to <paramref name="client"/> (which needs the <see cref="JingleFileTransferExtension"/>)
    /// and downloads the links sent to it, until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public void Attach(XmppClient client, CancellationToken cancellationToken)
    {
        client.GetExtension<JingleFileTransferExtension>().FileOffered += async offer =>
        {
            var path = NewPath(offer.File.Name);
            errors.WriteLine($"{offer.Sender} offers {offer.File.Name} ({offer.File.Size} bytes)");
            var transfer = await offer.AcceptAsync(path, cancellationToken: cancellationToken);
            _ = transfer.Completion.ContinueWith(done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    OnSaved(path);
                }
                else
                {
                    errors.WriteLine($"The transfer of {offer.File.Name} failed: {done.Exception?.InnerException?.Message ?? "cancelled"}");
                }
            }, TaskScheduler.Default);
        };

        client.MessageReceived += message =>
        {
            foreach (var link in message.GetOutOfBandData())
            {
                var url = link.Url;
                if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && (allowHttp || url.IsLoopback)))
                {
                    errors.WriteLine($"Not downloading {url}: only https links are fetched.");
                    continue;
                }

                _ = Task.Run(() => DownloadAsync(url, cancellationToken));
            }

            return Task.CompletedTask;
        };
    }

    private void OnSaved(string path)
    {
        output.WriteLine($"Saved {path}");
        Saved?.Invoke(path);
    }

    // A name of our own in the folder: the sender's name is only a hint (never a path), and nothing is overwritten.
    private string NewPath(string? offered)
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

    private async Task DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var path = NewPath(Uri.UnescapeDataString(url.Segments[^1]));
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxFileBytes)
            {
                errors.WriteLine($"Not downloading {url}: larger than {MaxFileBytes} bytes.");
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

            OnSaved(path);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            File.Delete(path);
            errors.WriteLine($"The download of {url} failed: {failure.Message}");
        }
    }
}
