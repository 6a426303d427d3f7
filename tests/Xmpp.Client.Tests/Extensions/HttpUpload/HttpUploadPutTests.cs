using System.Net;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Extensions.Pep;
using static Xmpp.Client.Tests.Extensions.HttpUpload.UploadScript;

namespace Xmpp.Client.Tests.Extensions.HttpUpload;

/// <summary>XEP-0363 §6: the PUT through the caller's HttpClient, progress, cancellation, failures, and sending the URL.</summary>
public class HttpUploadPutTests
{
    private static readonly HttpUploadSlot Slot = new(
        new Uri("https://files.example.com/up/a.bin"),
        new Uri("https://files.example.com/a.bin"),
        [new("Authorization", "Basic abc"), new("Cookie", "k=v"), new("Expires", "Tue, 01 Jan 2030 00:00:00 GMT")]);

    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i * 7))];

    private static async Task<(LiveServer Live, HttpUploadExtension Upload)> StartAsync(HttpMessageHandler handler, HttpUploadOptions? options = null)
    {
        var live = await LiveServer.StartAsync(UploadSet((options ?? HttpUploadOptions.Default) with { HttpClient = new HttpClient(handler) }));
        return (live, live.Client.GetExtension<HttpUploadExtension>());
    }

    /// <summary>Records every report, synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Reports : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value)
        {
            lock (Values)
            {
                Values.Add(value);
            }
        }
    }

    [Fact]
    public async Task The_put_sends_the_bytes_with_the_slots_headers_its_length_and_type_and_reports_progress()
    {
        var handler = new FakeHttpHandler();
        var (live, upload) = await StartAsync(handler);
        await using var _ = live;
        var data = Bytes(200_000);
        var progress = new Reports();

        await upload.PutAsync(Slot, new MemoryStream(data), data.Length, "image/png", progress);

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Put, Slot.PutUrl), (request.Method, request.RequestUri));
        Assert.Equal("Basic abc", request.Headers.Authorization!.ToString());
        Assert.Equal(["k=v"], request.Headers.GetValues("Cookie"));
        Assert.Equal(["Tue, 01 Jan 2030 00:00:00 GMT"], request.Content!.Headers.GetValues("Expires"));
        Assert.Equal((200_000L, "image/png"), (request.Content.Headers.ContentLength, request.Content.Headers.ContentType!.MediaType));
        Assert.Equal(data, handler.Bodies[0]);
        Assert.True(progress.Values.Count > 1);
        Assert.Equal(progress.Values.Order(), progress.Values);
        Assert.Equal(200_000L, progress.Values[^1]);
    }

    [Fact]
    public async Task A_stream_is_read_from_its_position_and_only_the_size_given()
    {
        var handler = new FakeHttpHandler(HttpStatusCode.OK);
        var (live, upload) = await StartAsync(handler);
        await using var _ = live;
        var stream = new MemoryStream(Bytes(100)) { Position = 10 };

        await upload.PutAsync(Slot, stream, 50);

        Assert.Equal(Bytes(100)[10..60], handler.Bodies[0]);
        Assert.Equal("application/octet-stream", handler.Requests[0].Content!.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task A_status_other_than_201_or_200_is_a_put_failed_error_with_the_status(HttpStatusCode status)
    {
        var (live, upload) = await StartAsync(new FakeHttpHandler(status));
        await using var _ = live;

        var error = await Assert.ThrowsAsync<HttpUploadPutFailedException>(() => upload.PutAsync(Slot, new MemoryStream(Bytes(10)), 10));

        Assert.Equal(status, error.StatusCode);
        Assert.DoesNotContain("/up/", error.Message, StringComparison.Ordinal); // the secret part of the URL stays out of messages
    }

    [Fact]
    public async Task A_stream_shorter_than_the_size_fails_the_upload()
    {
        var (live, upload) = await StartAsync(new FakeHttpHandler());
        await using var _ = live;

        var error = await Assert.ThrowsAnyAsync<HttpUploadException>(() => upload.PutAsync(Slot, new MemoryStream(Bytes(10)), 20));

        Assert.Contains("after 10 of the 20 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_the_put_with_an_operation_cancelled_exception()
    {
        var handler = new FakeHttpHandler { Stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (live, upload) = await StartAsync(handler);
        await using var _ = live;
        using var cancel = new CancellationTokenSource();

        var putting = upload.PutAsync(Slot, new MemoryStream(Bytes(10)), 10, cancellationToken: cancel.Token);
        await handler.Stalled.Task;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => putting);
    }

    [Fact]
    public async Task A_put_longer_than_the_timeout_is_a_timeout()
    {
        var handler = new FakeHttpHandler { Stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (live, upload) = await StartAsync(handler, new HttpUploadOptions { PutTimeout = TimeSpan.FromMilliseconds(50) });
        await using var _ = live;

        await Assert.ThrowsAsync<XmppTimeoutException>(() => upload.PutAsync(Slot, new MemoryStream(Bytes(10)), 10));
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_needs_a_size()
    {
        var (live, upload) = await StartAsync(new FakeHttpHandler());
        await using var _ = live;
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream();

        await Assert.ThrowsAsync<ArgumentException>(() => upload.UploadAsync(pipe, "a.bin"));
    }

    [Fact]
    public async Task A_slot_url_that_is_plain_http_elsewhere_than_loopback_is_not_put_to_without_AllowInsecureHttp()
    {
        var handler = new FakeHttpHandler();
        var (live, upload) = await StartAsync(handler);
        await using var _ = live;
        var slot = Slot with { PutUrl = new Uri("http://files.example.com/up") };

        await Assert.ThrowsAsync<HttpUploadException>(() => upload.PutAsync(slot, new MemoryStream(Bytes(1)), 1));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Sending_a_file_uploads_it_and_sends_the_get_url_as_body_and_out_of_band_data()
    {
        var handler = new FakeHttpHandler();
        var (live, upload) = await StartAsync(handler);
        await using var _ = live;
        var path = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, Bytes(300));
        try
        {
            var sending = upload.SendFileAsync(Jid.Parse("juliet@example.com"), path, "text/plain");
            await ServeDiscoveryAsync(live.Server, UploadInfo());
            var request = await AnswerAsync(live.Server, r => Result(r, UploadScript.Slot()));
            var message = (await live.Server.ExpectAsync("message")).ToX();
            var url = await sending;

            Assert.Equal((Path.GetFileName(path), "300"), ((string?)request.Element(Upload + "request")!.Attribute("filename"), (string?)request.Element(Upload + "request")!.Attribute("size")));
            Assert.Equal(Bytes(300), handler.Bodies[0]);
            Assert.Equal(new Uri("https://files.example.com/a.txt"), url);
            Assert.Equal(("juliet@example.com", "chat"), ((string?)message.Attribute("to"), (string?)message.Attribute("type")));
            Assert.Equal(url.AbsoluteUri, message.Element(System.Xml.Linq.XName.Get("body", "jabber:client"))!.Value);
            Assert.Equal(url.AbsoluteUri, message.Element(System.Xml.Linq.XName.Get("x", "jabber:x:oob"))!.Element(System.Xml.Linq.XName.Get("url", "jabber:x:oob"))!.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_file_message_carries_the_url_as_body_and_out_of_band_data()
    {
        var url = new Uri("https://files.example.com/x/a%20b.png");

        var message = HttpUploadExtension.CreateFileMessage(Jid.Parse("room@muc.example.com"), url, MessageType.Groupchat);

        Assert.Equal((url.AbsoluteUri, MessageType.Groupchat), (message.Body, message.Type));
        Assert.Equal([new OutOfBandData(url)], message.GetOutOfBandData());
    }
}
