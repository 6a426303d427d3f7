using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Bookmarks;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Bookmarks against Prosody and ejabberd: set, get and remove round trips in whichever storage the account's features
/// choose, and on PEP the pushes to the account's other resource.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BookmarksTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// What the test servers offer: neither announces <c>urn:xmpp:bookmarks:1#compat</c> on the account, so the
    /// automatic choice is private XML storage on both. Prosody 0.12 ships mod_bookmarks (which would add it) but the
    /// test configuration does not load it; ejabberd 23.01 announces only XEP-0411's <c>urn:xmpp:bookmarks-conversion:0</c>.
    /// </summary>
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Without_compat_on_the_account_private_storage_is_chosen(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var carol = await ClientFactory.ConnectedAsync(Options(server, "carol", "storage", storage: null));

        var info = await carol.Disco.GetInfoAsync(carol.BoundJid!.Value.Bare);

        Assert.False(info.HasFeature(BookmarksExtension.CompatFeature));
        Assert.True(info.HasIdentity("pubsub", "pep"));
        Assert.Equal(BookmarkStorage.PrivateXml, await carol.GetExtension<BookmarksExtension>().GetStorageAsync());
    }

    [Theory]
    [InlineData("prosody", null)]
    [InlineData("ejabberd", null)]
    [InlineData("prosody", BookmarkStorage.Pep)]
    [InlineData("ejabberd", BookmarkStorage.Pep)]
    public async Task Carol_sets_gets_and_removes_a_bookmark_and_on_pep_her_other_resource_is_told(string serverName, BookmarkStorage? forced)
    {
        var server = fixture.Servers.Named(serverName);
        var room = Jid.Parse($"book-{Guid.NewGuid():N}@conference.{server.Domain}");
        var changes = new EventWaiter<BookmarksChangedEventArgs>();
        await using var carol = await ClientFactory.ConnectedAsync(Options(server, "carol", "writer", forced));
        await using var other = await ClientFactory.ConnectedAsync(Options(server, "carol", "reader", forced));
        other.GetExtension<BookmarksExtension>().BookmarksChanged += changes.Handler;
        await other.SendAsync(new Presence()); // caps carry urn:xmpp:bookmarks:1+notify
        var bookmarks = carol.GetExtension<BookmarksExtension>();
        var storage = await bookmarks.GetStorageAsync();
        Assert.Equal(forced ?? BookmarkStorage.PrivateXml, storage);
        var bookmark = new Bookmark(room, "Test room", Autojoin: true, Nick: "Carol", Password: "secret");
        try
        {
            await bookmarks.SetAsync(bookmark);
            Assert.Equal(bookmark, Assert.Single(await bookmarks.GetAsync(), b => b.Room == room));
            Assert.Equal(bookmark, Assert.Single(await other.GetExtension<BookmarksExtension>().GetAsync(), b => b.Room == room));

            var renamed = bookmark with { Name = "Renamed", Autojoin = false, Password = null };
            await bookmarks.SetAsync(renamed);
            Assert.Equal(renamed, Assert.Single(await bookmarks.GetAsync(), b => b.Room == room));

            if (storage == BookmarkStorage.Pep)
            {
                var pushed = await changes.NextAsync(c => c.Set.Any(b => b.Room == room && b.Name == "Renamed"), Wait, "the push of the renamed bookmark");
                Assert.Equal(renamed, pushed.Set.Single(b => b.Room == room));
            }

            await bookmarks.RemoveAsync(room);
            Assert.DoesNotContain(await bookmarks.GetAsync(), b => b.Room == room);
            if (storage == BookmarkStorage.Pep && serverName == "prosody")
            {
                // ejabberd 23.01 pushes no retractions to +notify resources (see PepTests).
                await changes.NextAsync(c => c.Removed.Contains(room), Wait, "the push removing the bookmark");
            }

            await bookmarks.RemoveAsync(room); // again: not an error
        }
        finally
        {
            await bookmarks.RemoveAsync(room);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_client_that_follows_autojoin_enters_the_bookmarked_room_at_login_with_the_bookmarks_nick(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = Jid.Parse(server.Room($"auto-{Guid.NewGuid():N}"));
        await using var writer = await ClientFactory.ConnectedAsync(Options(server, "carol", "writer", storage: null));
        var bookmarks = writer.Bookmarks;
        await bookmarks.SetAsync(new Bookmark(room, "Autojoin test", Autojoin: true, Nick: "CarolBot"));
        try
        {
            var options = ClientFactory.Options(fixture.Servers, server, "carol", "autojoiner") with
            {
                Extensions = XmppExtensionSet.Default.Add(() => new BookmarksExtension { AutojoinRooms = true }),
            };
            await using var joiner = new XmppClient(options);
            var joined = new EventWaiter<Xmpp.Client.Extensions.Muc.MucJoinedEventArgs>();
            joiner.Muc.GetRoom(room).Joined += joined.Handler;

            await joiner.ConnectAsync();
            var args = await joined.NextAsync(_ => true, Wait, "the bookmarked room joined");

            Assert.Equal("CarolBot", args.Nick);
            Assert.True(joiner.Muc.GetRoom(room).IsJoined);
        }
        finally
        {
            await bookmarks.RemoveAsync(room);
        }
    }

    private XmppClientOptions Options(XmppTestServer server, string user, string resource, BookmarkStorage? storage) =>
        ClientFactory.Options(fixture.Servers, server, user, resource) with
        {
            Extensions = storage is { } fixedStorage
                ? XmppExtensionSet.Default.Add(() => new BookmarksExtension(fixedStorage))
                : XmppExtensionSet.Default.Add<BookmarksExtension>(),
        };
}
