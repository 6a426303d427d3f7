using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// The multi-user chat extension (<c>client.Muc</c>, XEP-0045) against Prosody's and ejabberd's MUC services: XmppClients
/// create and join rooms, talk, change nicknames, moderate, invite, discover and destroy, as the other side sees it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MucTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task JoinAsync_completes_after_the_Joined_handlers_ran(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ConnectAsync(server, "alice");
        var room = alice.Muc.GetRoom(NewRoom(server, "order"));
        var handled = false;
        room.Joined += async e =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300)); // a handler that awaits something
            handled = true;
        };

        await room.JoinAsync("Alice");
        Assert.True(handled, "JoinAsync completed before the Joined handler finished");
        await room.LeaveAsync();
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Destroying_a_room_removes_everyone_with_the_reason_and_the_alternate_room(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "doomed");
        var alternate = NewRoom(server, "elsewhere");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(await alice.Muc.JoinAsync(roomJid, "Alice"));
        var atBob = new Watch(bob.Muc.GetRoom(roomJid));
        await atBob.Room.JoinAsync("Bob");

        await atAlice.Room.DestroyAsync("moving on", alternate);
        var left = await atBob.Left.NextAsync(_ => true, Wait, "Bob removed by the destruction");
        Assert.Equal(MucLeaveReason.RoomDestroyed, left.Reason);
        Assert.False(left.WillRejoin);
        Assert.Equal(new MucDestroyNotice(alternate, "moving on"), left.Destroyed);
        Assert.Equal(MucRoomState.NotJoined, atBob.Room.State);
        var ownerLeft = await atAlice.Left.NextAsync(_ => true, Wait, "Alice removed by the destruction");
        Assert.Equal(MucLeaveReason.RoomDestroyed, ownerLeft.Reason);
        Assert.False(ownerLeft.WillRejoin);
        Assert.Equal(MucRoomState.NotJoined, atAlice.Room.State);

        var gone = await Assert.ThrowsAsync<XmppIqErrorException>(() => bob.Muc.GetRoomInfoAsync(roomJid));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, gone.Error.Condition);
    }

    private static Jid NewRoom(XmppTestServer server, string topic) => Jid.Parse(server.Room($"muc-{topic}-{Guid.NewGuid():N}"));

    private Task<XmppClient> ConnectAsync(XmppTestServer server, string user) =>
        ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, user));

    /// <summary>A room and what its events raised, subscribed before joining.</summary>
    private sealed class Watch
    {
        public Watch(MucRoom room)
        {
            Room = room;
            room.Joined += Joined.Handler;
            room.Left += Left.Handler;
            room.MessageReceived += Messages.Handler;
            room.OccupantJoined += OccupantJoined.Handler;
            room.OccupantLeft += OccupantLeft.Handler;
            room.OccupantChanged += OccupantChanged.Handler;
            room.InvitationDeclined += Declined.Handler;
        }

        public MucRoom Room { get; }

        public EventWaiter<MucJoinedEventArgs> Joined { get; } = new();

        public EventWaiter<MucLeftEventArgs> Left { get; } = new();

        public EventWaiter<MucMessageEventArgs> Messages { get; } = new();

        public EventWaiter<MucOccupantEventArgs> OccupantJoined { get; } = new();

        public EventWaiter<MucOccupantLeftEventArgs> OccupantLeft { get; } = new();

        public EventWaiter<MucOccupantChangedEventArgs> OccupantChanged { get; } = new();

        public EventWaiter<MucDeclineEventArgs> Declined { get; } = new();
    }
}
