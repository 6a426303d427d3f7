using System.Security.Cryptography;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// HTTP File Upload (XEP-0363) against Prosody's http_file_share on a loopback HTTP port: alice uploads and sends the URL,
/// bob receives it as out of band data (XEP-0066) and downloads the same bytes; the size limit is honoured. ejabberd
/// runs without mod_http_upload: finding no service is a typed error.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class HttpUploadTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Alice_sends_a_file_and_bob_downloads_the_same_bytes_from_the_out_of_band_url()
    {
        var server = fixture.Servers.Prosody;
        await using var alice = await ClientFactory.ConnectedAsync(Options(server, "alice"));
        await using var bob = await ClientFactory.ConnectedAsync(Options(server, "bob"));
        var inbox = new MessageInbox(bob);
        var upload = alice.GetExtension<HttpUploadExtension>();
        var data = RandomNumberGenerator.GetBytes(300_000);
        var path = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, data);
        var sent = new List<long>();
        try
        {
            var service = await upload.GetServiceAsync();
            Assert.Equal((server.UploadService, 10L * 1024 * 1024), (service.Jid.ToString(), service.MaxFileSize));

            var url = await upload.SendFileAsync(bob.BoundJid!.Value, path, "application/octet-stream", new SyncProgress(sent));

            Assert.Equal($"http://127.0.0.1:{server.HttpPort}", url.GetLeftPart(UriPartial.Authority));
            Assert.EndsWith(Path.GetFileName(path), url.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal(300_000L, sent[^1]);
            var message = await inbox.WaitForAsync(m => m.Body == url.AbsoluteUri, Wait);
            var link = Assert.Single(message.GetOutOfBandData());
            Assert.Equal(url, link.Url);
            using var http = new HttpClient();
            Assert.Equal(data, await http.GetByteArrayAsync(link.Url));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_uploaded_with_its_size_given()
    {
        var server = fixture.Servers.Prosody;
        await using var alice = await ClientFactory.ConnectedAsync(Options(server, "alice"));
        var data = RandomNumberGenerator.GetBytes(70_000);
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using var reader = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, pipe.ClientSafePipeHandle);
        var writing = Task.Run(async () =>
        {
            await pipe.WriteAsync(data);
            await pipe.FlushAsync();
        });

        var url = await alice.GetExtension<HttpUploadExtension>().UploadAsync(reader, "piped.bin", data.Length);
        await writing;

        using var http = new HttpClient();
        Assert.Equal(data, await http.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_anything_is_uploaded()
    {
        var server = fixture.Servers.Prosody;
        await using var alice = await ClientFactory.ConnectedAsync(Options(server, "alice"));
        var upload = alice.GetExtension<HttpUploadExtension>();
        var tooLarge = 10L * 1024 * 1024 + 1;

        var error = await Assert.ThrowsAsync<HttpUploadFileTooLargeException>(
            () => upload.UploadAsync(new MemoryStream(), "big.bin", tooLarge));

        Assert.Equal((tooLarge, 10L * 1024 * 1024), (error.Size, error.MaxFileSize));
    }

    [Fact]
    public async Task Prosody_refuses_a_slot_larger_than_its_limit_with_file_too_large()
    {
        var server = fixture.Servers.Prosody;
        await using var alice = await ClientFactory.ConnectedAsync(Options(server, "alice"));
        var request = new Stanzas.Iq(Stanzas.IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("request", HttpUploadExtension.Namespace),
            new System.Xml.Linq.XAttribute("filename", "big.bin"), new System.Xml.Linq.XAttribute("size", "20000000"),
            new System.Xml.Linq.XAttribute("content-type", "application/octet-stream"))) { To = Jid.Parse(server.UploadService) };

        // Sent by hand, past the client's own check, to see the server's refusal as the extension reads it.
        var refusal = await Assert.ThrowsAsync<XmppIqErrorException>(() => alice.SendIqAsync(request));

        Assert.Equal(System.Xml.Linq.XName.Get("file-too-large", HttpUploadExtension.Namespace), refusal.Error.ApplicationCondition);
        var mapped = Assert.IsType<HttpUploadFileTooLargeException>(HttpUploadXml.FromRefusal(request.To!.Value, 20_000_000, refusal.Error, _ => { }));
        Assert.Equal(10L * 1024 * 1024, mapped.MaxFileSize);
    }

    [Fact]
    public async Task A_server_without_an_upload_service_is_a_typed_error()
    {
        var server = fixture.Servers.Ejabberd;
        await using var alice = await ClientFactory.ConnectedAsync(Options(server, "alice"));
        var upload = alice.GetExtension<HttpUploadExtension>();

        Assert.Null(await upload.FindServiceAsync());
        var error = await Assert.ThrowsAsync<HttpUploadServiceNotFoundException>(() => upload.SendFileAsync(Jid.Parse(server.Account("bob").Jid), new MemoryStream([1, 2, 3]), "a.bin"));
        Assert.Equal(server.Domain, error.Domain);
    }

    private XmppClientOptions Options(XmppTestServer server, string user) =>
        ClientFactory.Options(fixture.Servers, server, user, "upload") with { Extensions = XmppExtensionSet.Default.Add<HttpUploadExtension>() };

    /// <summary>Records the reports as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SyncProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (values)
            {
                values.Add(value);
            }
        }
    }
}
