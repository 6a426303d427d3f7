using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Rooms across sessions: a resumed session keeps them, a new one joins them again.</summary>
public class MucSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_a_reconnection_that_could_not_resume_the_client_joins_its_rooms_again_with_the_same_nick()
    {
        var connection = 0;
        var drop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rejoinPresence = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(); // no stream management: nothing to resume
            var join = await server.ExpectAsync("presence");
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.SendAsync(Presence("alice"));
                await server.SendAsync(Self());
                await drop.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            rejoinPresence.TrySetResult(join.GetAttribute("to"));
            await server.SendAsync(Self());
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = OnlyExtensions.Muc });
        await using (client)
        {
            await client.ConnectAsync();
            var room = client.Muc.GetRoom(RoomJid);
            var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var rejoined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            room.Left += args => { events.Enqueue($"left {args.Reason} rejoin={args.WillRejoin}"); return Task.CompletedTask; };
            room.Joined += args =>
            {
                events.Enqueue($"joined rejoin={args.IsRejoin}");
                if (args.IsRejoin)
                {
                    rejoined.TrySetResult();
                }

                return Task.CompletedTask;
            };
            await room.JoinAsync("bot");
            drop.TrySetResult();

            Assert.Equal($"{Room}/bot", await rejoinPresence.Task.WaitAsync(Wait));
            await rejoined.Task.WaitAsync(Wait);
            Assert.Equal(["joined rejoin=False", "left Disconnected rejoin=True", "joined rejoin=True"], events);
            Assert.True(room.IsJoined);
            Assert.Equal(["bot"], room.Occupants.Keys);
        }
    }

    [Fact]
    public async Task A_resumed_session_keeps_the_rooms_without_joining_again()
    {
        var connection = 0;
        var drop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("presence");
                await server.SendAsync(Self());
                await drop.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='1'/>");
            await server.SendAsync(Groupchat("alice", "welcome back", "after"));
            var next = await server.ExpectStanzaAsync("message");
            resumed.TrySetResult(next.GetAttribute("to"));
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = OnlyExtensions.Muc });
        await using (client)
        {
            await client.ConnectAsync();
            var room = client.Muc.GetRoom(RoomJid);
            var left = 0;
            var message = new TaskCompletionSource<MucMessageEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            room.Left += _ => { Interlocked.Increment(ref left); return Task.CompletedTask; };
            room.MessageReceived += args => { message.TrySetResult(args); return Task.CompletedTask; };
            await room.JoinAsync("bot");
            drop.TrySetResult();

            var args = await message.Task.WaitAsync(Wait);
            await room.SendMessageAsync("thanks");

            Assert.Equal(Room, await resumed.Task.WaitAsync(Wait)); // the next stanza is this message: no join presence before it
            Assert.Equal("welcome back", args.Body);
            Assert.Equal(0, left);
            Assert.True(room.IsJoined);
        }
    }

    [Fact]
    public async Task Disconnecting_counts_the_client_out_of_its_rooms_for_good()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.ExpectAsync("presence");
            await server.SendAsync(Self());
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = OnlyExtensions.Muc });
        await using (client)
        {
            await client.ConnectAsync();
            var room = client.Muc.GetRoom(RoomJid);
            var left = new TaskCompletionSource<MucLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
            room.Left += args => { left.TrySetResult(args); return Task.CompletedTask; };
            await room.JoinAsync("bot");

            await client.DisconnectAsync();
            var args = await left.Task.WaitAsync(Wait);

            Assert.Equal(MucLeaveReason.Disconnected, args.Reason);
            Assert.False(args.WillRejoin);
            Assert.Equal(MucRoomState.NotJoined, room.State);
        }
    }
}
