using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Bookmarks;
using Xmpp.Client.Extensions.Muc;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Bookmarks;

/// <summary>Joining the rooms bookmarked with autojoin (XEP-0402 §3.3), when asked to.</summary>
public class BookmarksAutojoinTests
{
    private const string Node = "urn:xmpp:bookmarks:1";
    private const string Room = "coven@chat.shakespeare.lit";

    private static XmppExtensionSet Autojoining =>
        XmppExtensionSet.Empty.Add(() => new BookmarksExtension(BookmarkStorage.Pep) { AutojoinRooms = true });

    [Fact]
    public async Task A_new_session_joins_the_autojoin_rooms_with_their_nick_and_password_and_not_the_others()
    {
        await using var live = await LiveServer.StartAsync(Autojoining);

        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><items node='{Node}'>"
            + $"<item id='{Room}'><conference xmlns='{Node}' autojoin='true' name='The Coven'><nick>witch</nick><password>eye of newt</password></conference></item>"
            + "<item id='other@chat.shakespeare.lit'><conference xmlns='urn:xmpp:bookmarks:1' name='Other'/></item>"
            + "</items></pubsub></iq>");
        var join = await live.Server.ExpectAsync("presence");
        await live.Server.SendAsync($"<presence from='{Room}/witch'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>");

        Assert.Equal($"{Room}/witch", join.GetAttribute("to"));
        Assert.Equal("eye of newt", join.Element("x", "http://jabber.org/protocol/muc")?.Element("password", "http://jabber.org/protocol/muc")?.Value);
        var room = live.Client.Muc.GetRoom(Jid.Parse(Room));
        for (var tries = 0; tries < 500 && !room.IsJoined; tries++)
        {
            await Task.Delay(10);
        }

        Assert.True(room.IsJoined);
    }

    [Fact]
    public async Task Without_autojoin_asked_for_no_bookmark_is_read_and_no_room_joined()
    {
        await using var live = await LiveServer.StartAsync(XmppExtensionSet.Empty.Add(() => new BookmarksExtension(BookmarkStorage.Pep)).Add<Xmpp.Client.Extensions.Ping.PingExtension>());

        var ping = live.Client.Ping.SendAsync(); // the first thing the client sends is this ping: nothing came before it
        var request = await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        await ping.WaitAsync(Wait);

        Assert.NotNull(request.Element("ping", "urn:xmpp:ping"));
    }

    [Fact]
    public async Task A_pushed_autojoin_bookmark_is_joined_and_its_removal_leaves_the_room()
    {
        await using var live = await LiveServer.StartAsync(Autojoining);
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><items node='{Node}'/></pubsub></iq>");

        await live.Server.SendAsync($"<message from='user@example.com' id='n1'><event xmlns='{Event}'><items node='{Node}'><item id='{Room}'><conference xmlns='{Node}' autojoin='1'/></item></items></event></message>");
        var join = await live.Server.ExpectAsync("presence");
        await live.Server.SendAsync($"<presence from='{Room}/user'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>");
        var room = live.Client.Muc.GetRoom(Jid.Parse(Room));
        for (var tries = 0; tries < 500 && !room.IsJoined; tries++)
        {
            await Task.Delay(10);
        }

        await live.Server.SendAsync($"<message from='user@example.com' id='n2'><event xmlns='{Event}'><items node='{Node}'><retract id='{Room}'/></items></event></message>");
        var leave = await live.Server.ExpectAsync("presence");

        Assert.Equal($"{Room}/user", join.GetAttribute("to"));
        Assert.True(room.State is MucRoomState.Joined or MucRoomState.NotJoined);
        Assert.Equal("unavailable", leave.GetAttribute("type"));
        Assert.Equal($"{Room}/user", leave.GetAttribute("to"));
    }
}
