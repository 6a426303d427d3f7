using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Bookmarks;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Bookmarks;

/// <summary>Bookmarks on servers that fall short: a fixed storage, and publish-options the server does not take.</summary>
public class BookmarksFallbackTests
{
    private const string Node = "urn:xmpp:bookmarks:1";
    private static readonly Jid Coven = Jid.Parse("coven@chat.shakespeare.lit");

    private static XmppExtensionSet FixedPep => XmppExtensionSet.Empty.Add(() => new BookmarksExtension(BookmarkStorage.Pep));

    [Fact]
    public async Task A_fixed_storage_is_used_without_asking_the_account()
    {
        await using var live = await LiveServer.StartAsync(FixedPep);

        Assert.Equal(BookmarkStorage.Pep, await live.Client.GetExtension<BookmarksExtension>().GetStorageAsync().WaitAsync(Wait));
        var getting = live.Client.GetExtension<BookmarksExtension>().GetAsync();
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><items node='{Node}'/></pubsub></iq>")).ToX();

        Assert.Empty(await getting.WaitAsync(Wait));
        Assert.NotNull(request.Element(Ps + "pubsub")); // the first request is the read itself, no disco#info
    }

    [Fact]
    public async Task Publish_options_the_server_does_not_take_lead_to_creating_the_node_configured_and_publishing_without_them()
    {
        await using var live = await LiveServer.StartAsync(FixedPep);

        var setting = live.Client.GetExtension<BookmarksExtension>().SetAsync(new Bookmark(Coven, "The Coven"));
        var first = (await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Unknown field 'pubsub#max_items' of type 'http://jabber.org/protocol/pubsub#publish-options'</text></error></iq>")).ToX();
        var configure = (await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")).ToX();
        var create = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var publish = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await setting.WaitAsync(Wait);

        Assert.NotNull(first.Element(Ps + "pubsub")!.Element(Ps + "publish-options"));
        Assert.Equal(Node, (string?)configure.Element(Owner + "pubsub")!.Element(Owner + "configure")!.Attribute("node"));
        var pubsub = create.Element(Ps + "pubsub")!;
        Assert.Equal(Node, (string?)pubsub.Element(Ps + "create")!.Attribute("node"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["FORM_TYPE"] = "http://jabber.org/protocol/pubsub#node_config",
            ["pubsub#persist_items"] = "true",
            ["pubsub#max_items"] = "max",
            ["pubsub#send_last_published_item"] = "never",
            ["pubsub#access_model"] = "whitelist",
        }, FieldValues(pubsub.Element(Ps + "configure")!.Element(X + "x")!));
        var published = publish.Element(Ps + "pubsub")!;
        Assert.Null(published.Element(Ps + "publish-options"));
        Assert.Equal(Coven.ToString(), (string?)published.Element(Ps + "publish")!.Element(Ps + "item")!.Attribute("id"));
    }

    [Fact]
    public async Task A_refusal_that_is_not_about_the_options_is_thrown()
    {
        await using var live = await LiveServer.StartAsync(FixedPep);

        var setting = live.Client.GetExtension<BookmarksExtension>().SetAsync(new Bookmark(Coven));
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => setting.WaitAsync(Wait));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Forbidden, error.Error.Condition);
    }

    [Fact]
    public void Only_the_two_storages_can_be_fixed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BookmarksExtension((BookmarkStorage)7));
    }
}
