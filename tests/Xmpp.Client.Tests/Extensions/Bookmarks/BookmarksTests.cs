using System.Collections.Concurrent;
using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Bookmarks;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Bookmarks;

/// <summary>Bookmarks (XEP-0402, with the XEP-0048/0049 fallback): which storage, reading, writing and pushes.</summary>
public class BookmarksTests
{
    private const string Node = "urn:xmpp:bookmarks:1";
    private const string DiscoInfo = "http://jabber.org/protocol/disco#info";
    private static readonly XNamespace B = Node;
    private static readonly XNamespace Legacy = "storage:bookmarks";
    private static readonly XNamespace Private = "jabber:iq:private";
    private static readonly Jid Coven = Jid.Parse("coven@chat.shakespeare.lit");

    private static XmppExtensionSet BookmarksOnly => XmppExtensionSet.Empty.Add<BookmarksExtension>();

    private static BookmarksExtension Bookmarks(XmppClient client) => client.GetExtension<BookmarksExtension>();

    /// <summary>Answers the account's disco#info, with or without #compat, and returns the request.</summary>
    private static Task<XmppElement> AnswerDiscoAsync(LiveServer live, bool compat) => live.AnswerAsync(id =>
        $"<iq type='result' id='{id}' from='user@example.com'><query xmlns='{DiscoInfo}'><identity category='account' type='registered'/>"
        + $"<identity category='pubsub' type='pep'/>{(compat ? $"<feature var='{Node}#compat'/>" : "")}</query></iq>");

    [Fact]
    public async Task The_account_is_asked_once_per_session_and_compat_chooses_pep()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var choosing = Bookmarks(live.Client).GetStorageAsync();
        var disco = (await AnswerDiscoAsync(live, compat: true)).ToX();

        Assert.Equal(BookmarkStorage.Pep, await choosing.WaitAsync(Wait));
        Assert.Equal("user@example.com", (string?)disco.Attribute("to"));
        Assert.NotNull(disco.Element(XName.Get("query", DiscoInfo)));
        Assert.Equal(BookmarkStorage.Pep, await Bookmarks(live.Client).GetStorageAsync().WaitAsync(Wait));
    }

    [Fact]
    public async Task Without_compat_or_when_disco_fails_private_storage_is_chosen()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);
        var choosing = Bookmarks(live.Client).GetStorageAsync();
        await AnswerDiscoAsync(live, compat: false);
        Assert.Equal(BookmarkStorage.PrivateXml, await choosing.WaitAsync(Wait));

        await using var failing = await LiveServer.StartAsync(BookmarksOnly);
        var asking = Bookmarks(failing.Client).GetStorageAsync();
        await failing.AnswerAsync(id => $"<iq type='error' id='{id}' from='user@example.com'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        Assert.Equal(BookmarkStorage.PrivateXml, await asking.WaitAsync(Wait));
    }

    [Fact]
    public async Task With_compat_Get_reads_the_pep_node_and_skips_unreadable_items()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var getting = Bookmarks(live.Client).GetAsync();
        await AnswerDiscoAsync(live, compat: true);
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><items node='{Node}'>"
            + $"<item id='{Coven}'><conference xmlns='{Node}' name='The Coven' autojoin='1'><nick>JC</nick><password>pw</password>"
            + "<extensions><state xmlns='urn:example'/></extensions></conference></item>"
            + $"<item id='orchard@chat.shakespeare.lit'><conference xmlns='{Node}'/></item>"
            + $"<item id='not a jid@@'><conference xmlns='{Node}'/></item>"
            + $"<item id='room@chat.shakespeare.lit/full'><conference xmlns='{Node}'/></item>"
            + "<item id='other@chat.shakespeare.lit'><other xmlns='urn:example'/></item>"
            + "</items></pubsub></iq>")).ToX();
        var bookmarks = await getting.WaitAsync(Wait);

        Assert.Equal(Node, (string?)request.Element(Ps + "pubsub")!.Element(Ps + "items")!.Attribute("node"));
        Assert.Null(request.Attribute("to"));
        Assert.Equal(2, bookmarks.Count);
        var coven = bookmarks[0];
        Assert.Equal((Coven, "The Coven", true, "JC", "pw"), (coven.Room, coven.Name, coven.Autojoin, coven.Nick, coven.Password));
        Assert.Equal("state", Assert.Single(coven.Extensions).Name.LocalName);
        Assert.Equal(new Bookmark(Jid.Parse("orchard@chat.shakespeare.lit")), bookmarks[1]);
    }

    [Fact]
    public async Task With_compat_a_missing_node_reads_as_no_bookmarks()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var getting = Bookmarks(live.Client).GetAsync();
        await AnswerDiscoAsync(live, compat: true);
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        Assert.Empty(await getting.WaitAsync(Wait));
    }

    [Fact]
    public async Task With_compat_Set_publishes_the_room_as_item_id_with_the_xep_0402_publish_options()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var setting = Bookmarks(live.Client).SetAsync(new Bookmark(Coven, "The Coven", Autojoin: true, Nick: "JC", Password: "pw"));
        await AnswerDiscoAsync(live, compat: true);
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await setting.WaitAsync(Wait);

        var pubsub = request.Element(Ps + "pubsub")!;
        var publish = pubsub.Element(Ps + "publish")!;
        Assert.Equal(Node, (string?)publish.Attribute("node"));
        var item = publish.Element(Ps + "item")!;
        Assert.Equal(Coven.ToString(), (string?)item.Attribute("id"));
        var conference = item.Element(B + "conference")!;
        Assert.Equal(("The Coven", "true", "JC", "pw"),
            ((string?)conference.Attribute("name"), (string?)conference.Attribute("autojoin"), conference.Element(B + "nick")!.Value, conference.Element(B + "password")!.Value));
        Assert.Equal(new Dictionary<string, string>
        {
            ["FORM_TYPE"] = "http://jabber.org/protocol/pubsub#publish-options",
            ["pubsub#persist_items"] = "true",
            ["pubsub#max_items"] = "max",
            ["pubsub#send_last_published_item"] = "never",
            ["pubsub#access_model"] = "whitelist",
        }, FieldValues(pubsub.Element(Ps + "publish-options")!.Element(X + "x")!));
    }

    [Fact]
    public async Task With_compat_a_node_configured_otherwise_is_reconfigured_and_the_bookmark_published_again()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var setting = Bookmarks(live.Client).SetAsync(new Bookmark(Coven));
        await AnswerDiscoAsync(live, compat: true);
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + $"<precondition-not-met xmlns='{PubSub}#errors'/></error></iq>");
        var get = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{Owner.NamespaceName}'><configure node='{Node}'>"
            + $"<x xmlns='jabber:x:data' type='form'><field var='FORM_TYPE' type='hidden'><value>{PubSub}#node_config</value></field>"
            + "<field var='pubsub#access_model' type='list-single'><value>presence</value></field></x></configure></pubsub></iq>")).ToX();
        var configure = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var again = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await setting.WaitAsync(Wait);

        Assert.Equal("get", (string?)get.Attribute("type"));
        var form = configure.Element(Owner + "pubsub")!.Element(Owner + "configure")!.Element(X + "x")!;
        Assert.Equal("whitelist", FieldValues(form)["pubsub#access_model"]);
        Assert.Equal(Coven.ToString(), (string?)again.Element(Ps + "pubsub")!.Element(Ps + "publish")!.Element(Ps + "item")!.Attribute("id"));
    }

    [Fact]
    public async Task With_compat_Remove_retracts_the_item_and_a_missing_one_is_no_error()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var removing = Bookmarks(live.Client).RemoveAsync(Coven);
        await AnswerDiscoAsync(live, compat: true);
        var request = (await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")).ToX();
        await removing.WaitAsync(Wait);

        var retract = request.Element(Ps + "pubsub")!.Element(Ps + "retract")!;
        Assert.Equal((Node, "true", Coven.ToString()), ((string?)retract.Attribute("node"), (string?)retract.Attribute("notify"), (string?)retract.Element(Ps + "item")!.Attribute("id")));
    }

    [Fact]
    public async Task Without_compat_Get_reads_xep_0048_bookmarks_from_private_storage()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        var getting = Bookmarks(live.Client).GetAsync();
        await AnswerDiscoAsync(live, compat: false);
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'>"
            + $"<conference name='The Coven' autojoin='true' jid='{Coven}'><nick>JC</nick><password>pw</password></conference>"
            + "<conference jid='@@bad'/><url name='Site' url='https://example.com/'/></storage></query></iq>")).ToX();
        var bookmark = Assert.Single(await getting.WaitAsync(Wait));

        Assert.Equal("get", (string?)request.Attribute("type"));
        Assert.NotNull(request.Element(Private + "query")!.Element(Legacy + "storage"));
        Assert.Equal(new Bookmark(Coven, "The Coven", true, "JC", "pw"), bookmark);
    }

    [Fact]
    public async Task Without_compat_Set_and_Remove_rewrite_the_storage_keeping_what_else_it_holds()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);
        const string Stored = "<storage xmlns='storage:bookmarks'><conference jid='coven@chat.shakespeare.lit' name='Old'/>"
            + "<conference jid='orchard@chat.shakespeare.lit'/><url name='Site' url='https://example.com/'/></storage>";

        var setting = Bookmarks(live.Client).SetAsync(new Bookmark(Coven, "New", Nick: "JC"));
        await AnswerDiscoAsync(live, compat: false);
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:private'>{Stored}</query></iq>");
        var set = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await setting.WaitAsync(Wait);
        var removing = Bookmarks(live.Client).RemoveAsync(Jid.Parse("orchard@chat.shakespeare.lit"));
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:private'>{Stored}</query></iq>");
        var removed = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await removing.WaitAsync(Wait);

        Assert.Equal("set", (string?)set.Attribute("type"));
        var written = set.Element(Private + "query")!.Element(Legacy + "storage")!;
        Assert.Equal(["orchard@chat.shakespeare.lit", Coven.ToString()], written.Elements(Legacy + "conference").Select(c => (string?)c.Attribute("jid")));
        var coven = written.Elements(Legacy + "conference").Last();
        Assert.Equal(("New", "JC"), ((string?)coven.Attribute("name"), coven.Element(Legacy + "nick")!.Value));
        Assert.NotNull(written.Element(Legacy + "url"));
        Assert.Equal([Coven.ToString()], removed.Element(Private + "query")!.Element(Legacy + "storage")!.Elements(Legacy + "conference").Select(c => (string?)c.Attribute("jid")));
    }

    [Fact]
    public async Task A_room_that_is_not_a_bare_jid_is_refused_before_sending()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        await Assert.ThrowsAsync<ArgumentException>(() => Bookmarks(live.Client).SetAsync(new Bookmark(Jid.Parse("coven@chat.shakespeare.lit/nick"))));
        await Assert.ThrowsAsync<ArgumentException>(() => Bookmarks(live.Client).RemoveAsync(default));
    }

    [Fact]
    public async Task The_bookmarks_node_notify_feature_is_announced()
    {
        await using var live = await LiveServer.StartAsync(BookmarksOnly);

        Assert.Contains(Node + "+notify", live.Client.Disco.OwnInfo.Features);
        Assert.Contains(Node + "+notify", live.Client.Features.Names);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" from='user@example.com'")]
    public async Task Pushes_from_the_own_account_raise_BookmarksChanged(string from)
    {
        await using var harness = await MessagingHarness.ConnectAsync(BookmarksOnly);
        var changes = new ConcurrentQueue<BookmarksChangedEventArgs>();
        Bookmarks(harness.Client).BookmarksChanged += c => { changes.Enqueue(c); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(from, Node, $"<item id='{Coven}'><conference xmlns='{Node}' name='The Coven' autojoin='true'/></item>"));
        await harness.SendAsync(EventMessage(from, Node, "<retract id='orchard@chat.shakespeare.lit'/>", "e2"));
        await harness.SyncAsync();

        Assert.Equal(2, changes.Count);
        Assert.Equal(new Bookmark(Coven, "The Coven", true), Assert.Single(changes.First().Set));
        Assert.Equal([Jid.Parse("orchard@chat.shakespeare.lit")], changes.Last().Removed);
    }

    [Theory]
    [InlineData(" from='mallory@example.com'")]
    [InlineData(" from='user@example.com/other'")]
    [InlineData(" from='example.com'")]
    public async Task Pushes_from_another_account_or_a_full_jid_are_ignored(string from)
    {
        await using var harness = await MessagingHarness.ConnectAsync(BookmarksOnly);
        var changes = new ConcurrentQueue<BookmarksChangedEventArgs>();
        Bookmarks(harness.Client).BookmarksChanged += c => { changes.Enqueue(c); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(from, Node, $"<item id='{Coven}'><conference xmlns='{Node}' autojoin='true'/></item>"));
        await harness.SyncAsync();

        Assert.Empty(changes);
    }

    [Fact]
    public void A_bookmark_prints_without_its_password()
    {
        var text = new Bookmark(Coven, Password: "secret").ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("coven@chat.shakespeare.lit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bookmarks_with_equal_extensions_are_equal()
    {
        var one = new Bookmark(Coven, "C") { Extensions = [XElement.Parse("<state xmlns='urn:example' v='1'/>")] };
        var same = new Bookmark(Coven, "C") { Extensions = [XElement.Parse("<state xmlns='urn:example' v='1'/>")] };
        var other = new Bookmark(Coven, "C") { Extensions = [XElement.Parse("<state xmlns='urn:example' v='2'/>")] };

        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(one, other);
        Assert.NotEqual(one, new Bookmark(Coven, "C"));
    }
}
