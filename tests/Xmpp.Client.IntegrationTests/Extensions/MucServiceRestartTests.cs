using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// A restart of the MUC service alone, the XMPP server and the clients' sessions staying up: ejabberd's
/// <c>ejabberdctl restart_module ejabberd.test mod_muc</c>, Prosody's reload or unload and load of the <c>muc</c>
/// component module (<c>prosodyctl shell</c>). What occupants see, and how the client finds its way back in.
/// </summary>
/// <remarks>
/// ejabberd 23.01: every occupant gets an unavailable presence from the room's bare JID, then its own unavailable
/// presence with status 110 and 332 ("system shutdown"); temporary rooms are gone; the service answers again when the
/// command returns. Prosody 0.12: a reload, and an unload and load, keep every room with its occupants (the module
/// saves the rooms' state on unload and restores it on first use) and send nothing. Only a restart without that saved
/// state (wiped between unload and load, as a service that keeps rooms in memory would lose them) drops the occupants,
/// silently: the client learns it by self-ping (XEP-0410).
/// </remarks>
[Collection(ServersCollection.Name)]
public sealed class MucServiceRestartTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RejoinWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ejabberd_restart_module_mod_muc_sends_332_and_the_occupants_rejoin_the_recreated_room_on_the_same_session()
    {
        var server = fixture.Servers.Ejabberd;
        var roomJid = NewRoom(server, "svc");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(alice);
        var atBob = new Watch(bob);
        var aliceJid = alice.BoundJid;
        await atAlice.Join(roomJid, "Alice");
        await atBob.Join(roomJid, "Bob");
        await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob in the room");

        await RestartEjabberdMucAsync();

        foreach (var at in new[] { atAlice, atBob })
        {
            var left = await at.Left.NextAsync(_ => true, Wait, "the service shutting down");
            Assert.Equal(MucLeaveReason.ServiceShutdown, left.Reason);
            Assert.True(left.WillRejoin);
            Assert.Contains(MucStatus.ServiceShutdown, left.StatusCodes);
            Assert.Contains(MucStatus.Self, left.StatusCodes);
        }

        var aliceBack = await atAlice.Joined.NextAsync(e => e.IsRejoin, RejoinWait, "Alice's rejoin");
        var bobBack = await atBob.Joined.NextAsync(e => e.IsRejoin, RejoinWait, "Bob's rejoin");
        Assert.Equal(("Alice", "Bob"), (aliceBack.Nick, bobBack.Nick));
        // The room was temporary: it went with the module, and the first rejoin created it again.
        Assert.True(aliceBack.Created ^ bobBack.Created, $"created: Alice {aliceBack.Created}, Bob {bobBack.Created}");
        Assert.Empty(atAlice.RejoinFailed.All);
        Assert.Empty(atBob.RejoinFailed.All);

        // The same sessions all along: only the service restarted.
        Assert.Equal(XmppClientState.Connected, alice.State);
        Assert.Equal(aliceJid, alice.BoundJid);
        Assert.Empty(atAlice.Reconnected.All);
        Assert.Empty(atBob.Reconnected.All);

        await WaitForOccupantAsync(atAlice, "Bob");
        await WaitForOccupantAsync(atBob, "Alice");
        await AssertTalkAsync(atAlice, atBob);
        Assert.True(await atAlice.Room!.CheckJoinedAsync());
        Assert.True(await atBob.Room!.CheckJoinedAsync());
    }

    /// <remarks>
    /// Another client must join with the nickname in the 2 s between the 332 and the rejoin: to make that certain, the
    /// client's own bytes are held in a proxy (its session stays up and still receives) until the other one is in.
    /// </remarks>
    [Fact]
    public async Task Ejabberd_a_rejoin_after_the_restart_refused_for_a_nickname_taken_meanwhile_fails_for_good_with_NicknameInUse()
    {
        var server = fixture.Servers.Ejabberd;
        var roomJid = NewRoom(server, "svctaken");
        await using var proxy = Faults.FaultProxy.Start(server.EndPoint);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice").Through(proxy));
        await using var carol = await ConnectAsync(server, "carol");
        var atAlice = new Watch(alice);
        await atAlice.Join(roomJid, "Alice");

        proxy.HoldUpstream(true);
        await RestartEjabberdMucAsync();
        var left = await atAlice.Left.NextAsync(_ => true, Wait, "the service shutting down");
        Assert.Equal((MucLeaveReason.ServiceShutdown, true), (left.Reason, left.WillRejoin));
        var atCarol = new Watch(carol);
        await atCarol.Join(roomJid, "Alice");
        Assert.True(Assert.Single(atCarol.Joined.All).Created); // the room went with the module
        proxy.HoldUpstream(false);

        var failed = await atAlice.RejoinFailed.NextAsync(_ => true, RejoinWait, "the refused rejoin");
        var error = Assert.IsType<MucJoinException>(failed.Error);
        Assert.Equal(MucJoinError.NicknameInUse, error.Reason);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Conflict, error.Error?.Condition);
        Assert.False(failed.WillRetry);
        Assert.Equal(MucRoomState.NotJoined, atAlice.Room!.State);
        Assert.DoesNotContain(atAlice.Joined.All, e => e.IsRejoin);
        Assert.Empty(atAlice.Reconnected.All);
        Assert.Equal(["Alice"], atCarol.Room!.Occupants.Keys);
    }

    /// <remarks>ejabberd reserves a registered nickname service-wide: the rejoin is refused with a conflict too.</remarks>
    [Fact]
    public async Task Ejabberd_a_rejoin_after_the_restart_refused_for_a_nickname_registered_meanwhile_fails_for_good_with_NicknameInUse()
    {
        var server = fixture.Servers.Ejabberd;
        var roomJid = NewRoom(server, "svcnick");
        var nick = $"Alice-{Guid.NewGuid():N}"[..16];
        await using var alice = await ConnectAsync(server, "alice");
        var atAlice = new Watch(alice);
        await atAlice.Join(roomJid, nick);

        await fixture.EjabberdCtlAsync(["muc_register_nick", nick, server.Account("bob").Jid, server.MucService], CancellationToken.None);
        try
        {
            await RestartEjabberdMucAsync();

            var left = await atAlice.Left.NextAsync(_ => true, Wait, "the service shutting down");
            Assert.Equal(MucLeaveReason.ServiceShutdown, left.Reason);
            Assert.True(left.WillRejoin);
            var failed = await atAlice.RejoinFailed.NextAsync(_ => true, RejoinWait, "the refused rejoin");
            var error = Assert.IsType<MucJoinException>(failed.Error);
            Assert.Equal(MucJoinError.NicknameInUse, error.Reason);
            Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Conflict, error.Error?.Condition);
            Assert.False(failed.WillRetry);
            Assert.Null(failed.RetryIn);
            Assert.Equal(MucRoomState.NotJoined, atAlice.Room!.State);
            Assert.Single(atAlice.RejoinFailed.All);
            Assert.DoesNotContain(atAlice.Joined.All, e => e.IsRejoin);
        }
        finally
        {
            await fixture.EjabberdCtlAsync(["muc_unregister_nick", server.Account("bob").Jid, server.MucService], CancellationToken.None);
        }
    }

    /// <remarks>Prosody saves each room's state (occupants included) when the module goes and restores it when it is back.</remarks>
    [Theory]
    [InlineData("reload")]
    [InlineData("unload-load")]
    public async Task Prosody_reloading_the_muc_module_keeps_the_occupants_in_and_sends_them_nothing(string how)
    {
        var server = fixture.Servers.Prosody;
        var roomJid = NewRoom(server, "svc");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(alice);
        var atBob = new Watch(bob);
        await atAlice.Join(roomJid, "Alice");
        await atBob.Join(roomJid, "Bob");
        await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob in the room");

        await RestartProsodyMucAsync(how == "reload" ? ProsodyRestart.Reload : ProsodyRestart.UnloadLoad, roomJid);

        Assert.True(await atAlice.Room!.CheckJoinedAsync());
        Assert.True(await atBob.Room!.CheckJoinedAsync());
        await AssertTalkAsync(atAlice, atBob);
        foreach (var at in new[] { atAlice, atBob })
        {
            Assert.Empty(at.Left.All);
            Assert.Empty(at.OccupantLeft.All);
            Assert.Single(at.Joined.All);
            Assert.Equal(MucRoomState.Joined, at.Room!.State);
        }

        Assert.Equal(["Alice", "Bob"], atBob.Room!.Occupants.Keys.Order());
    }

    [Fact]
    public async Task Prosody_a_restart_that_lost_the_room_is_found_by_self_ping_and_the_clients_rejoin()
    {
        var server = fixture.Servers.Prosody;
        var roomJid = NewRoom(server, "svclost");
        // Alice self-pings after 2 s of silence from the room; Bob keeps the default (5 min) and is asked explicitly.
        await using var alice = await ConnectAsync(server, "alice", TimeSpan.FromSeconds(2));
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(alice);
        var atBob = new Watch(bob);
        await atAlice.Join(roomJid, "Alice");
        await atBob.Join(roomJid, "Bob");
        await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob in the room");

        await RestartProsodyMucAsync(ProsodyRestart.LosingState, roomJid);

        var lost = await atAlice.Left.NextAsync(_ => true, Wait, "Alice's self-ping finding her out");
        Assert.Equal(MucLeaveReason.NotJoined, lost.Reason);
        Assert.True(lost.WillRejoin);
        var aliceBack = await atAlice.Joined.NextAsync(e => e.IsRejoin, RejoinWait, "Alice's rejoin");
        Assert.Equal("Alice", aliceBack.Nick);
        Assert.True(aliceBack.Created); // the room was gone
        Assert.True(atAlice.Room!.IsJoined);

        Assert.False(await atBob.Room!.CheckJoinedAsync());
        var bobLost = await atBob.Left.NextAsync(_ => true, Wait, "Bob's check");
        Assert.Equal((MucLeaveReason.NotJoined, true), (bobLost.Reason, bobLost.WillRejoin));
        var bobBack = await atBob.Joined.NextAsync(e => e.IsRejoin, RejoinWait, "Bob's rejoin");
        Assert.False(bobBack.Created);

        Assert.Empty(atAlice.RejoinFailed.All);
        Assert.Empty(atBob.RejoinFailed.All);
        Assert.Empty(atAlice.Reconnected.All);
        await WaitForOccupantAsync(atAlice, "Bob");
        await AssertTalkAsync(atAlice, atBob);
    }

    [Fact]
    public async Task Prosody_after_a_restart_that_lost_the_room_a_nickname_taken_meanwhile_fails_the_rejoin_for_good_with_NicknameInUse()
    {
        var server = fixture.Servers.Prosody;
        var roomJid = NewRoom(server, "svcnick");
        await using var alice = await ConnectAsync(server, "alice");
        await using var carol = await ConnectAsync(server, "carol");
        var atAlice = new Watch(alice);
        await atAlice.Join(roomJid, "Alice");

        await RestartProsodyMucAsync(ProsodyRestart.LosingState, roomJid);
        // Alice does not know yet (no self-ping for 5 minutes); Carol takes her nickname in the new room.
        var atCarol = new Watch(carol);
        await atCarol.Join(roomJid, "Alice");
        Assert.True(Assert.Single(atCarol.Joined.All).Created);

        Assert.False(await atAlice.Room!.CheckJoinedAsync());
        var lost = await atAlice.Left.NextAsync(_ => true, Wait, "the room lost");
        Assert.Equal((MucLeaveReason.NotJoined, true), (lost.Reason, lost.WillRejoin));
        var failed = await atAlice.RejoinFailed.NextAsync(_ => true, RejoinWait, "the refused rejoin");
        var error = Assert.IsType<MucJoinException>(failed.Error);
        Assert.Equal(MucJoinError.NicknameInUse, error.Reason);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Conflict, error.Error?.Condition);
        Assert.False(failed.WillRetry);
        Assert.Equal(MucRoomState.NotJoined, atAlice.Room.State);
        Assert.DoesNotContain(atAlice.Joined.All, e => e.IsRejoin);
        Assert.Equal(["Alice"], atCarol.Room!.Occupants.Keys);
    }

    /// <remarks>
    /// What the client's self-ping relies on to tell a room that is gone from a nickname change under way (XEP-0410
    /// has a room answer a ping to a nickname being changed with item-not-found too): the room's disco#info.
    /// </remarks>
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_ping_to_an_occupant_of_a_room_that_does_not_exist_and_the_rooms_disco_info_get_item_not_found(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "none");
        await using var alice = await ConnectAsync(server, "alice");

        var ping = new Xmpp.Client.Stanzas.Iq(Xmpp.Client.Stanzas.IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping")))
        {
            To = roomJid.WithResource("Alice"),
        };
        var pinged = await Assert.ThrowsAsync<XmppIqErrorException>(() => alice.SendIqAsync(ping));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, pinged.Error.Condition);
        var info = await Assert.ThrowsAsync<XmppIqErrorException>(() => alice.Muc.GetRoomInfoAsync(roomJid));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, info.Error.Condition);
    }

    private Task RestartEjabberdMucAsync() =>
        fixture.EjabberdCtlAsync(["restart_module", fixture.Servers.Ejabberd.Domain, "mod_muc"], CancellationToken.None);

    private enum ProsodyRestart
    {
        /// <summary><c>module:reload</c>: Prosody hands the rooms over to the new instance.</summary>
        Reload,

        /// <summary><c>module:unload</c> then <c>module:load</c> (muc_mam goes with muc, so it is loaded again too).</summary>
        UnloadLoad,

        /// <summary>As <see cref="UnloadLoad"/>, with the room's saved state and configuration deleted in between.</summary>
        LosingState,
    }

    private async Task RestartProsodyMucAsync(ProsodyRestart how, Jid room)
    {
        var service = fixture.Servers.Prosody.MucService;
        string[] lines = how switch
        {
            ProsodyRestart.Reload => [$"module:reload(\"muc\", \"{service}\")"],
            _ =>
            [
                $"module:unload(\"muc\", \"{service}\")",
                .. how == ProsodyRestart.LosingState ? (string[])
                [
                    // The stores mod_muc saved the room to on unload (config, state, and the list of rooms to restore).
                    $">local sm = require \"core.storagemanager\"; sm.open(\"{service}\", \"config\"):set(\"{room.Local}\", nil); "
                    + $"sm.open(\"{service}\", \"state\"):set(\"{room.Local}\", nil); "
                    + $"return sm.open(\"{service}\", \"persistent\", \"map\"):set(nil, \"{room.Bare}\", nil)",
                ] : [],
                $"module:load(\"muc\", \"{service}\")",
                $"module:load(\"muc_mam\", \"{service}\")",
            ],
        };
        await fixture.ProsodyShellAsync(lines, CancellationToken.None);
    }

    private static async Task WaitForOccupantAsync(Watch at, string nick)
    {
        if (!at.Room!.Occupants.ContainsKey(nick))
        {
            await at.OccupantJoined.NextAsync(e => e.Occupant.Nick == nick, Wait, $"{nick} back in the room");
        }
    }

    private static async Task AssertTalkAsync(Watch from, Watch to)
    {
        var body = $"after the service restart {Guid.NewGuid():N}";
        await from.Room!.SendMessageAsync(body);
        Assert.True((await from.Messages.NextAsync(m => m.Body == body, Wait, "the echo")).IsOwn);
        Assert.False((await to.Messages.NextAsync(m => m.Body == body, Wait, "the message at the other occupant")).IsOwn);
    }

    private static Jid NewRoom(XmppTestServer server, string topic) => Jid.Parse(server.Room($"muc-{topic}-{Guid.NewGuid():N}"));

    private Task<XmppClient> ConnectAsync(XmppTestServer server, string user, TimeSpan? selfPingInterval = null)
    {
        var options = ClientFactory.Options(fixture.Servers, server, user);
        if (selfPingInterval is { } interval)
        {
            options = options with { Extensions = XmppExtensionSet.Default.Add(() => new MucExtension { SelfPingInterval = interval }) };
        }

        return ClientFactory.ConnectedAsync(options);
    }

    /// <summary>A client's room and what its events raised, subscribed before joining.</summary>
    private sealed class Watch
    {
        private readonly XmppClient _client;

        public Watch(XmppClient client)
        {
            _client = client;
            client.Reconnected += Reconnected.Handler;
        }

        public MucRoom? Room { get; private set; }

        public EventWaiter<MucJoinedEventArgs> Joined { get; } = new();

        public EventWaiter<MucLeftEventArgs> Left { get; } = new();

        public EventWaiter<MucRejoinFailedEventArgs> RejoinFailed { get; } = new();

        public EventWaiter<MucMessageEventArgs> Messages { get; } = new();

        public EventWaiter<MucOccupantEventArgs> OccupantJoined { get; } = new();

        public EventWaiter<MucOccupantLeftEventArgs> OccupantLeft { get; } = new();

        public EventWaiter<XmppReconnectedEventArgs> Reconnected { get; } = new();

        public Task Join(Jid room, string nick)
        {
            Room = _client.Muc.GetRoom(room);
            Room.Joined += Joined.Handler;
            Room.Left += Left.Handler;
            Room.RejoinFailed += RejoinFailed.Handler;
            Room.MessageReceived += Messages.Handler;
            Room.OccupantJoined += OccupantJoined.Handler;
            Room.OccupantLeft += OccupantLeft.Handler;
            return Room.JoinAsync(nick);
        }
    }
}
