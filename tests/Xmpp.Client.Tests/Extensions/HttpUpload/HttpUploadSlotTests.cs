using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Extensions.HttpUpload.UploadScript;

namespace Xmpp.Client.Tests.Extensions.HttpUpload;

/// <summary>XEP-0363 §4, §5: the slot request, its checks, and the refusals as typed errors.</summary>
public class HttpUploadSlotTests
{
    private static async Task<(LiveServer Live, HttpUploadExtension Upload)> StartAsync(HttpUploadOptions? options = null, string max = "1000")
    {
        var live = await LiveServer.StartAsync(UploadSet(options));
        var upload = live.Client.GetExtension<HttpUploadExtension>();
        var finding = upload.FindServiceAsync();
        await ServeDiscoveryAsync(live.Server, UploadInfo(max));
        await finding;
        return (live, upload);
    }

    [Fact]
    public async Task The_request_names_the_file_its_size_and_type_and_goes_to_the_service()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a b.txt", 12, "text/plain");
        var request = await AnswerAsync(live.Server, r => Result(r, Slot(headers: "<header name='Authorization'>Basic abc</header><header name='Cookie'>k=v</header><header name='Expires'>Tue, 01 Jan 2030 00:00:00 GMT</header>")));
        var slot = await asking;

        Assert.Equal((Service, "get"), ((string?)request.Attribute("to"), (string?)request.Attribute("type")));
        var element = request.Element(Upload + "request")!;
        Assert.Equal(("a b.txt", "12", "text/plain"), ((string?)element.Attribute("filename"), (string?)element.Attribute("size"), (string?)element.Attribute("content-type")));
        Assert.Equal(new Uri("https://files.example.com/up/a.txt"), slot.PutUrl);
        Assert.Equal(new Uri("https://files.example.com/a.txt"), slot.GetUrl);
        Assert.Equal(["Authorization: Basic abc", "Cookie: k=v", "Expires: Tue, 01 Jan 2030 00:00:00 GMT"], slot.PutHeaders.Select(h => $"{h.Key}: {h.Value}"));
    }

    [Fact]
    public async Task Headers_other_than_authorization_cookie_and_expires_are_left_out_and_line_breaks_are_stripped()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 1);
        await AnswerAsync(live.Server, r => Result(r, Slot(headers: "<header name='Host'>evil.example</header><header name='X-Other'>1</header><header name='authorization'>Bearer a&#13;&#10;Injected: yes</header>")));
        var slot = await asking;

        Assert.Equal([new KeyValuePair<string, string>("authorization", "Bearer aInjected: yes")], slot.PutHeaders);
    }

    [Theory]
    [InlineData("http://files.example.com/up", "https://files.example.com/a", "plain http")]
    [InlineData("https://files.example.com/up", "ftp://files.example.com/a", "scheme 'ftp'")]
    [InlineData("relative/path", "https://files.example.com/a", "not an absolute URI")]
    [InlineData("/rooted", "https://files.example.com/a", "scheme 'file'")]
    public async Task A_slot_with_a_url_that_is_not_https_is_refused(string put, string get, string reason)
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 1);
        await AnswerAsync(live.Server, r => Result(r, Slot(put, get)));

        var error = await Assert.ThrowsAsync<HttpUploadException>(() => asking);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_without_a_get_url_is_refused()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 1);
        await AnswerAsync(live.Server, r => Result(r, $"<slot xmlns='{Ns}'><put url='https://a.example/x'/></slot>"));

        Assert.Contains("no <get/>", (await Assert.ThrowsAsync<HttpUploadException>(() => asking)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5280/up", false)]
    [InlineData("http://localhost/up", false)]
    [InlineData("http://files.example.com/up", true)]
    public async Task Plain_http_is_accepted_on_loopback_and_anywhere_with_AllowInsecureHttp(string url, bool allowInsecure)
    {
        var (live, upload) = await StartAsync(new HttpUploadOptions { AllowInsecureHttp = allowInsecure });
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 1);
        await AnswerAsync(live.Server, r => Result(r, Slot(url, url)));

        Assert.Equal(new Uri(url), (await asking).PutUrl);
    }

    [Fact]
    public async Task A_file_over_the_announced_limit_is_refused_before_any_request()
    {
        var (live, upload) = await StartAsync(max: "1000");
        await using var _ = live;

        var error = await Assert.ThrowsAsync<HttpUploadFileTooLargeException>(() => upload.RequestSlotAsync("a.txt", 1001));

        Assert.Equal((1001L, 1000L, (StanzaError?)null), (error.Size, error.MaxFileSize, error.Error));
        var ping = live.Client.SendIqAsync(new Iq(IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping"))));
        var next = await AnswerAsync(live.Server, r => $"<iq type='result' id='{(string?)r.Attribute("id")}'/>");
        await ping;
        Assert.Equal("ping", next.Elements().Single().Name.LocalName);
    }

    [Fact]
    public async Task The_services_file_too_large_refusal_carries_its_limit()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 900);
        await AnswerAsync(live.Server, r => Error(r, $"<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>File too large</text><file-too-large xmlns='{Ns}'><max-file-size>800</max-file-size></file-too-large></error>"));

        var error = await Assert.ThrowsAsync<HttpUploadFileTooLargeException>(() => asking);
        Assert.Equal((900L, 800L), (error.Size, error.MaxFileSize));
        Assert.Equal(StanzaErrorCondition.NotAcceptable, error.Error!.Condition);
    }

    [Fact]
    public async Task A_quota_refusal_carries_the_time_to_retry_at()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 10);
        await AnswerAsync(live.Server, r => Error(r, $"<error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><retry xmlns='{Ns}' stamp='2017-12-03T23:42:05Z'/></error>"));

        var error = await Assert.ThrowsAsync<HttpUploadSlotRefusedException>(() => asking);
        Assert.Equal(new DateTimeOffset(2017, 12, 3, 23, 42, 5, TimeSpan.Zero), error.RetryAt);
        Assert.Equal((StanzaErrorCondition.ResourceConstraint, StanzaErrorType.Wait), (error.Error.Condition, error.Error.Type));
        Assert.Equal(Jid.Parse(Service), error.Service);
    }

    [Fact]
    public async Task A_plain_refusal_is_a_slot_refused_error_without_retry()
    {
        var (live, upload) = await StartAsync();
        await using var _ = live;

        var asking = upload.RequestSlotAsync("a.txt", 10);
        await AnswerAsync(live.Server, r => Error(r, "<error type='cancel'><not-allowed xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"));

        var error = await Assert.ThrowsAsync<HttpUploadSlotRefusedException>(() => asking);
        Assert.Equal(StanzaErrorCondition.NotAllowed, error.Error.Condition);
        Assert.Null(error.RetryAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dir/a.txt")]
    [InlineData("dir\\a.txt")]
    [InlineData("a\n.txt")]
    public async Task A_file_name_with_a_directory_or_a_control_character_is_an_argument_error(string name)
    {
        await using var live = await LiveServer.StartAsync(UploadSet());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => live.Client.GetExtension<HttpUploadExtension>().RequestSlotAsync(name, 1));
    }

    [Fact]
    public async Task A_content_type_that_is_not_a_media_type_is_an_argument_error()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());

        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.GetExtension<HttpUploadExtension>().RequestSlotAsync("a.txt", 1, "text/plain\r\nX: y"));
    }
}
