using Xmpp.Client.Extensions.HttpUpload;
using static Xmpp.Client.Tests.Extensions.HttpUpload.UploadScript;

namespace Xmpp.Client.Tests.Extensions.HttpUpload;

/// <summary>XEP-0363 §3: the upload service is found by disco, with its announced limit, once per session.</summary>
public class HttpUploadDiscoveryTests
{
    [Fact]
    public async Task The_service_is_the_item_with_the_store_file_identity_and_the_feature_and_its_limit_is_read_from_the_form()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());
        var upload = live.Client.GetExtension<HttpUploadExtension>();

        var finding = upload.FindServiceAsync();
        var requests = await ServeDiscoveryAsync(live.Server, UploadInfo("5242880"), "conference.example.com");
        var service = await finding;

        Assert.Equal(new HttpUploadService(Jid.Parse(Service), 5242880), service);
        Assert.Equal(("example.com", Info), ((string?)requests[0].Attribute("to"), requests[0].Elements().Single().Name.NamespaceName));
        Assert.Equal(("example.com", Items), ((string?)requests[1].Attribute("to"), requests[1].Elements().Single().Name.NamespaceName));
        Assert.Equal(["conference.example.com", Service], requests.Skip(2).Select(r => (string?)r.Attribute("to")).Order());
    }

    [Fact]
    public async Task The_service_is_asked_once_per_session()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());
        var upload = live.Client.GetExtension<HttpUploadExtension>();

        var first = upload.FindServiceAsync();
        await ServeDiscoveryAsync(live.Server, UploadInfo(max: null));
        Assert.Null((await first)!.MaxFileSize);
        var second = await upload.GetServiceAsync();

        Assert.Equal(Jid.Parse(Service), second.Jid);
        // Nothing else was asked: the next request the server reads is this ping.
        var ping = live.Client.SendIqAsync(new Xmpp.Client.Stanzas.Iq(Xmpp.Client.Stanzas.IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping"))));
        var next = await AnswerAsync(live.Server, r => $"<iq type='result' id='{(string?)r.Attribute("id")}'/>");
        await ping;
        Assert.Equal("ping", next.Elements().Single().Name.LocalName);
    }

    [Fact]
    public async Task A_server_that_is_itself_the_upload_service_is_used_without_asking_its_items()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());
        var finding = live.Client.GetExtension<HttpUploadExtension>().FindServiceAsync();

        await AnswerAsync(live.Server, r => Result(r, $"<query xmlns='{Info}'><identity category='server' type='im'/>{UploadInfo("42")}</query>"));

        Assert.Equal(new HttpUploadService(Jid.Parse("example.com"), 42), await finding);
    }

    [Fact]
    public async Task No_service_is_null_from_Find_and_a_typed_error_from_Get()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());
        var upload = live.Client.GetExtension<HttpUploadExtension>();

        var getting = upload.GetServiceAsync();
        // An item with the feature but no store/file identity is not an upload service; one that answers an error is skipped.
        await AnswerAsync(live.Server, r => Result(r, $"<query xmlns='{Info}'/>"));
        await AnswerAsync(live.Server, r => Result(r, $"<query xmlns='{Items}'><item jid='a.example.com'/><item jid='b.example.com'/></query>"));
        for (var i = 0; i < 2; i++)
        {
            await AnswerAsync(live.Server, r => (string?)r.Attribute("to") == "a.example.com"
                ? Result(r, $"<query xmlns='{Info}'><feature var='{Ns}'/></query>")
                : Error(r, "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"));
        }

        var error = await Assert.ThrowsAsync<HttpUploadServiceNotFoundException>(() => getting);
        Assert.Equal("example.com", error.Domain);
    }

    [Fact]
    public async Task An_unreadable_limit_counts_as_no_limit()
    {
        await using var live = await LiveServer.StartAsync(UploadSet());
        var finding = live.Client.GetExtension<HttpUploadExtension>().FindServiceAsync();

        await ServeDiscoveryAsync(live.Server, UploadInfo("-5"));

        Assert.Equal(new HttpUploadService(Jid.Parse(Service), null), await finding);
    }
}
