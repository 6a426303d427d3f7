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
    public async Task Mediated_and_direct_invitations_reach_the_invitee_and_a_decline_reaches_the_inviter(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "invite");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var invitations = new EventWaiter<MucInvitationEventArgs>();
        bob.Muc.InvitationReceived += invitations.Handler;
        // Both kinds go to Bob's bare JID, which the server delivers only to available resources (RFC 6121 §8.5.2):
        // without an initial presence the invitation goes to offline storage.
        await bob.SendAsync(new Xmpp.Client.Stanzas.Presence());
        var atAlice = new Watch(await alice.Muc.JoinAsync(roomJid, "Alice"));
        var bobJid = Jid.Parse(server.Account("bob").Jid);

        await atAlice.Room.InviteAsync(bobJid, "come and see");
        var mediated = (await invitations.NextAsync(_ => true, Wait, "the mediated invitation")).Invitation;
        Assert.Equal((roomJid, false, "come and see"), (mediated.Room, mediated.IsDirect, mediated.Reason));
        // The room names the inviter: ejabberd by their real JID, Prosody (in a semi-anonymous room) by their occupant JID.
        Assert.Equal(serverName == "prosody" ? roomJid.WithResource("Alice") : alice.BoundJid, mediated.Inviter);
        Assert.Null(mediated.Password);

        await bob.Muc.DeclineAsync(mediated, "too busy");
        var declined = await atAlice.Declined.NextAsync(_ => true, Wait, "the decline at Alice");
        Assert.Equal("too busy", declined.Reason);
        Assert.Equal(bobJid, declined.Decliner?.Bare);

        await atAlice.Room.InviteAsync(bobJid, "directly", direct: true);
        var direct = (await invitations.NextAsync(_ => true, Wait, "the direct invitation")).Invitation;
        Assert.Equal((roomJid, true, "directly"), (direct.Room, direct.IsDirect, direct.Reason));
        Assert.Equal(alice.BoundJid, direct.Inviter);

        // Accepting: join the room the invitation names.
        var joined = await bob.Muc.JoinAsync(direct.Room, "Bob", new MucJoinOptions { Password = direct.Password });
        Assert.True(joined.IsJoined);
        await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob accepting");
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
