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
