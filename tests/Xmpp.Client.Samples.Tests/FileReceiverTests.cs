using System.Collections.Concurrent;
using System.Net;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing;

namespace Xmpp.Client.Samples.Tests;

/// <summary>
/// samples/ReceiveFile/FileReceiver.cs on the in-memory server: links in messages (downloaded by an HttpClient that
/// answers from memory) and a direct transfer from a peer (Jingle over in-band bytestreams, through the server).
/// </summary>
public sealed class FileReceiverTests : IAsyncLifetime, IDisposable
{
    private readonly InMemoryXmppServer _server = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("file-receiver-").FullName;
    private readonly Lines _output = new();
    private readonly Lines _errors = new();
    private readonly MemoryWeb _web = new();
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Threading.Channels.Channel<string> _saved = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private XmppClient _bot = null!;

    public FileReceiverTests() => _http = new HttpClient(_web);

    private Jid BotAccount => Jid.Parse($"bot@{_server.Domain}");

    public async Task InitializeAsync()
    {
        _server.AddAccount("bot", "bot-pass");
        _bot = _server.CreateClient("bot", o => o with { Extensions = o.Extensions.Add<JingleFileTransferExtension>() });
        var receiver = new FileReceiver(_folder, _http, allowHttp: false, _output, _errors);
        receiver.Saved += path => _saved.Writer.TryWrite(path);
        receiver.Attach(_bot, _stop.Token);
        await _bot.ConnectAsync();
        await _bot.SendAsync(new Presence());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task It_downloads_a_link_into_the_folder_and_prints_Saved()
    {
        _web.Files["https://upload.example.com/abc/photo.jpg"] = [1, 2, 3];
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(Link("https://upload.example.com/abc/photo.jpg"));

        var path = await NextSavedAsync();
        Assert.Equal(Path.Combine(_folder, "photo.jpg"), path);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path));
        Assert.Equal($"Saved {path}{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public async Task A_second_file_of_the_same_name_gets_a_name_of_its_own()
    {
        _web.Files["https://upload.example.com/1/notes.txt"] = [1];
        _web.Files["https://upload.example.com/2/notes.txt"] = [2];
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(Link("https://upload.example.com/1/notes.txt"));
        var first = await NextSavedAsync();
        await alice.SendAsync(Link("https://upload.example.com/2/notes.txt"));
        var second = await NextSavedAsync();

        Assert.Equal(Path.Combine(_folder, "notes.txt"), first);
        Assert.Equal(Path.Combine(_folder, "notes (1).txt"), second);
        Assert.Equal([2], await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task A_sender_name_is_only_a_hint_never_a_path()
    {
        _web.Files["https://upload.example.com/x/..%2F..%2Fetc%2Fpasswd"] = [7];
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(Link("https://upload.example.com/x/..%2F..%2Fetc%2Fpasswd"));

        Assert.Equal(Path.Combine(_folder, "passwd"), await NextSavedAsync());
    }

    [Fact]
    public async Task It_fetches_no_plain_http_link_from_elsewhere_than_loopback()
    {
        _web.Files["https://upload.example.com/ok.bin"] = [1];
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(Link("http://upload.example.com/plain.bin"));
        await alice.SendAsync(Link("https://upload.example.com/ok.bin"));

        // Messages are handled in order: once the second link is saved, the first was refused.
        Assert.Equal(Path.Combine(_folder, "ok.bin"), await NextSavedAsync());
        Assert.Contains("Not downloading http://upload.example.com/plain.bin: only https links are fetched.", _errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_web.Requested, url => url.Scheme == Uri.UriSchemeHttp);
    }

    [Fact]
    public async Task A_failed_download_leaves_no_file_and_says_why()
    {
        await using var alice = await _server.ConnectPeerAsync("alice");

        await alice.SendAsync(Link("https://upload.example.com/missing.bin")); // 404

        Assert.StartsWith("The download of https://upload.example.com/missing.bin failed:", await _errors.NextAsync(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task It_takes_a_file_sent_directly()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("file-sender-").FullName, "report.pdf");
        byte[] content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)i)];
        await File.WriteAllBytesAsync(file, content);
        await using var alice = await _server.ConnectPeerAsync("alice",
            o => o with { Extensions = o.Extensions.Add<JingleFileTransferExtension>() });
        var transfers = alice.Client.GetExtension<JingleFileTransferExtension>();

        var transfer = await transfers.OfferFileAsync(_bot.BoundJid!.Value, file);
        await transfer.Completion;

        var path = await NextSavedAsync();
        Assert.Equal(Path.Combine(_folder, "report.pdf"), path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Contains($"{alice.Jid} offers report.pdf (10000 bytes)", _errors.ToString(), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    private Message Link(string url)
    {
        var message = new Message(BotAccount, url);
        message.AddPayload(new OutOfBandData(new Uri(url)));
        return message;
    }

    private async Task<string> NextSavedAsync()
    {
        using var limit = new CancellationTokenSource(XmppTestPeer.DefaultTimeout);
        return await _saved.Reader.ReadAsync(limit.Token);
    }

    /// <summary>Answers GET requests from <see cref="Files"/>; 404 for anything else.</summary>
    private sealed class MemoryWeb : HttpMessageHandler
    {
        public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<Uri> Requested { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Enqueue(request.RequestUri!);
            return Task.FromResult(Files.TryGetValue(request.RequestUri!.OriginalString, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
