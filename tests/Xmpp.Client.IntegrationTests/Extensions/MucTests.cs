using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.IntegrationTests.Interop;
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
    public async Task Two_clients_join_a_room_the_first_creates_and_see_each_other_their_messages_and_a_nick_change(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "two");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(alice.Muc.GetRoom(roomJid));
        var atBob = new Watch(bob.Muc.GetRoom(roomJid));

        await atAlice.Room.JoinAsync("Alice");
        var created = Assert.Single(atAlice.Joined.All);
        Assert.True(created.Created);
        Assert.False(created.IsRejoin);
        Assert.Contains(MucStatus.RoomCreated, created.StatusCodes);
        Assert.Contains(MucStatus.Self, created.StatusCodes);
        Assert.Equal(MucRoomState.Joined, atAlice.Room.State);
        Assert.False(atAlice.Room.IsLocked);
        var self = atAlice.Room.Self!;
        Assert.Equal((roomJid.WithResource("Alice"), "Alice"), (self.Jid, self.Nick));
        Assert.Equal((MucRole.Moderator, MucAffiliation.Owner), (self.Role, self.Affiliation)); // the creator
        Assert.Equal(["Alice"], atAlice.Room.Occupants.Keys);

        // The instant configuration unlocked the room (Prosody keeps a new room locked until then).
        await atBob.Room.JoinAsync("Bob");
        var joined = Assert.Single(atBob.Joined.All);
        Assert.False(joined.Created);
        Assert.Equal("Bob", joined.Nick);
        Assert.Equal(["Alice", "Bob"], atBob.Room.Occupants.Keys.Order());
        Assert.Equal((MucRole.Moderator, MucAffiliation.Owner), (atBob.Room.Occupants["Alice"].Role, atBob.Room.Occupants["Alice"].Affiliation));
        Assert.Equal((MucRole.Participant, MucAffiliation.None), (atBob.Room.Self!.Role, atBob.Room.Self.Affiliation));
        Assert.Empty(atBob.OccupantJoined.All); // those in before the join are in Occupants, without an event each
        var bobCame = await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob joining");
        Assert.Equal(MucRole.Participant, bobCame.Occupant.Role);
        // The rooms are semi-anonymous: only moderators see real JIDs.
        Assert.Equal(bob.BoundJid, bobCame.Occupant.RealJid);
        Assert.Null(atBob.Room.Occupants["Alice"].RealJid);

        var body = $"to the room {Guid.NewGuid():N} <&'\"> é ✓";
        var id = await atAlice.Room.SendMessageAsync(body);
        var own = await atAlice.Messages.NextAsync(m => m.Body == body, Wait, "the room's echo");
        Assert.True(own.IsOwn);
        Assert.False(own.IsHistory);
        Assert.Equal("Alice", own.Nick);
        Assert.Equal(id, own.Message.Id);
        var seen = await atBob.Messages.NextAsync(m => m.Body == body, Wait, "Alice's message at Bob");
        Assert.False(seen.IsOwn);
        Assert.False(seen.IsHistory);
        Assert.Equal("Alice", seen.Nick);
        Assert.Equal(MucAffiliation.Owner, seen.Occupant?.Affiliation);
        Assert.False(string.IsNullOrEmpty(seen.StanzaId));
        Assert.Equal(seen.StanzaId, own.StanzaId);

        // Bob's line, seen by Alice as someone else's even though it goes through the same room.
        var reply = $"from Bob {Guid.NewGuid():N}";
        await atBob.Room.SendMessageAsync(reply);
        Assert.False((await atAlice.Messages.NextAsync(m => m.Body == reply, Wait, "Bob's message at Alice")).IsOwn);
        Assert.True((await atBob.Messages.NextAsync(m => m.Body == reply, Wait, "Bob's echo")).IsOwn);

        Assert.Equal("Robert", await atBob.Room.ChangeNickAsync("Robert"));
        Assert.Equal("Robert", atBob.Room.Nick);
        Assert.Equal(["Alice", "Robert"], atBob.Room.Occupants.Keys.Order());
        var renamed = await atAlice.OccupantChanged.NextAsync(e => e.NickChanged, Wait, "Bob's nick change");
        Assert.Equal(("Bob", "Robert"), (renamed.Previous.Nick, renamed.Occupant.Nick));
        Assert.False(renamed.IsSelf);
        Assert.Equal(["Alice", "Robert"], atAlice.Room.Occupants.Keys.Order());
        Assert.Empty(atAlice.OccupantLeft.All);
        Assert.Single(atAlice.OccupantJoined.All); // a rename is neither a leave nor a join
        var selfRenamed = await atBob.OccupantChanged.NextAsync(e => e.NickChanged, Wait, "Bob's own nick change");
        Assert.True(selfRenamed.IsSelf);

        Assert.True(await atAlice.Room.CheckJoinedAsync());
        Assert.True(await atBob.Room.CheckJoinedAsync());

        await atBob.Room.LeaveAsync("later");
        Assert.Equal(MucRoomState.NotJoined, atBob.Room.State);
        Assert.Empty(atBob.Room.Occupants);
        var left = Assert.Single(atBob.Left.All);
        Assert.Equal(MucLeaveReason.Left, left.Reason);
        Assert.False(left.WillRejoin);
        var gone = await atAlice.OccupantLeft.NextAsync(e => e.Occupant.Nick == "Robert", Wait, "Bob leaving");
        Assert.Equal(MucLeaveReason.Left, gone.Reason);
        Assert.Equal("later", gone.Text);
        Assert.Equal(["Alice"], atAlice.Room.Occupants.Keys);
        Assert.False(await atBob.Room.CheckJoinedAsync());
        await atAlice.Room.LeaveAsync();
    }

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
    public async Task The_owner_kicks_and_bans_and_the_banned_user_is_refused_with_Banned(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "moderation");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        var atAlice = new Watch(alice.Muc.GetRoom(roomJid));
        var atBob = new Watch(bob.Muc.GetRoom(roomJid));
        await atAlice.Room.JoinAsync("Alice");
        await atBob.Room.JoinAsync("Bob");

        var bobJid = Jid.Parse(server.Account("bob").Jid);
        await atAlice.Room.KickAsync("Bob", "be nice");
        var kicked = await atBob.Left.NextAsync(_ => true, Wait, "Bob kicked");
        Assert.Equal(MucLeaveReason.Kicked, kicked.Reason);
        Assert.False(kicked.WillRejoin);
        Assert.Equal("be nice", kicked.Text);
        Assert.Contains(MucStatus.Kicked, kicked.StatusCodes);
        Assert.Equal(MucRoomState.NotJoined, atBob.Room.State);
        var kickSeen = await atAlice.OccupantLeft.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "the kick at Alice");
        Assert.Equal(MucLeaveReason.Kicked, kickSeen.Reason);

        await atBob.Room.JoinAsync("Bob");
        await atAlice.Room.BanAsync(bobJid, "go away");
        var banned = await atBob.Left.NextAsync(e => e.Reason != MucLeaveReason.Kicked, Wait, "Bob banned");
        Assert.Equal(MucLeaveReason.Banned, banned.Reason);
        Assert.False(banned.WillRejoin);
        Assert.Equal("go away", banned.Text);
        var banSeen = await atAlice.OccupantLeft.NextAsync(e => e.Reason == MucLeaveReason.Banned, Wait, "the ban at Alice");
        Assert.Equal("Bob", banSeen.Occupant.Nick);

        var outcasts = await atAlice.Room.GetAffiliatesAsync(MucAffiliation.Outcast);
        var outcast = Assert.Single(outcasts);
        Assert.Equal((bobJid, MucAffiliation.Outcast), (outcast.Jid, outcast.Affiliation));
        var owners = await atAlice.Room.GetAffiliatesAsync(MucAffiliation.Owner);
        Assert.Equal([Jid.Parse(server.Account("alice").Jid)], owners.Select(o => o.Jid));

        var refused = await Assert.ThrowsAsync<MucJoinException>(() => atBob.Room.JoinAsync("Bob"));
        Assert.Equal(MucJoinError.Banned, refused.Reason);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Forbidden, refused.Error?.Condition);
        Assert.Equal(MucRoomState.NotJoined, atBob.Room.State);
        await atAlice.Room.DestroyAsync();
    }

    /// <remarks>
    /// ejabberd 23.01 does not enforce a ban on a user whose role or affiliation was changed in the room before: seen
    /// after their voice was revoked and granted again, and after they were made a member (even when set back to none
    /// before the ban), but not after a mere kick (the test above). They are let in again, listed with affiliation
    /// outcast and role participant. Prosody refuses them with forbidden. The client reports what the room does.
    /// </remarks>
    [Theory]
    [InlineData("prosody", true)]
    [InlineData("ejabberd", false)]
    public async Task A_user_whose_role_and_affiliation_changed_then_banned_is_refused_by_Prosody_but_let_in_again_by_ejabberd(string serverName, bool refuses)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "member");
        await using var alice = await ConnectAsync(server, "alice");
        await using var carol = await ConnectAsync(server, "carol");
        var atAlice = new Watch(await alice.Muc.JoinAsync(roomJid, "Alice"));
        var atCarol = new Watch(carol.Muc.GetRoom(roomJid));
        await atCarol.Room.JoinAsync("Carol");
        var carolJid = Jid.Parse(server.Account("carol").Jid);

        await atAlice.Room.SetRoleAsync("Carol", MucRole.Visitor);
        var muted = await atAlice.OccupantChanged.NextAsync(e => e.RoleChanged, Wait, "Carol's voice revoked");
        Assert.Equal((MucRole.Participant, MucRole.Visitor), (muted.Previous.Role, muted.Occupant.Role));
        Assert.False(atAlice.Room.Occupants["Carol"].HasVoice);
        await atAlice.Room.GrantVoiceAsync("Carol");
        await atCarol.OccupantChanged.NextAsync(e => e.IsSelf && e.RoleChanged && e.Occupant.Role == MucRole.Participant, Wait, "Carol's voice back");

        await atAlice.Room.SetAffiliationAsync(carolJid, MucAffiliation.Member, "welcome");
        var member = await atCarol.OccupantChanged.NextAsync(e => e.AffiliationChanged, Wait, "Carol made a member");
        Assert.True(member.IsSelf);
        Assert.Equal((MucAffiliation.None, MucAffiliation.Member), (member.Previous.Affiliation, member.Occupant.Affiliation));
        Assert.Equal(MucAffiliation.Member, atCarol.Room.Self?.Affiliation);
        await atAlice.OccupantChanged.NextAsync(e => e.Occupant.Nick == "Carol" && e.AffiliationChanged, Wait, "Carol's membership at Alice");
        var members = await atAlice.Room.GetAffiliatesAsync(MucAffiliation.Member);
        Assert.Equal([carolJid], members.Select(a => a.Jid));

        await atAlice.Room.BanAsync(carolJid);
        Assert.Equal(MucLeaveReason.Banned, (await atCarol.Left.NextAsync(_ => true, Wait, "Carol banned")).Reason);
        Assert.Equal([carolJid], (await atAlice.Room.GetAffiliatesAsync(MucAffiliation.Outcast)).Select(a => a.Jid));
        if (refuses)
        {
            Assert.Equal(MucJoinError.Banned, (await Assert.ThrowsAsync<MucJoinException>(() => atCarol.Room.JoinAsync("Carol"))).Reason);
        }
        else
        {
            await atCarol.Room.JoinAsync("Carol");
            Assert.Equal((MucAffiliation.Outcast, MucRole.Participant), (atCarol.Room.Self?.Affiliation, atCarol.Room.Self?.Role));
        }

        await atAlice.Room.DestroyAsync();
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task History_comes_marked_IsHistory_when_asked_for_and_not_at_all_by_default(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "history");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        await using var carol = await ConnectAsync(server, "carol");
        var atAlice = new Watch(await alice.Muc.JoinAsync(roomJid, "Alice"));
        var old = $"before the others came {Guid.NewGuid():N}";
        await atAlice.Room.SendMessageAsync(old);
        await atAlice.Messages.NextAsync(m => m.Body == old, Wait, "the room's echo");

        var atBob = new Watch(bob.Muc.GetRoom(roomJid));
        await atBob.Room.JoinAsync("Bob", new MucJoinOptions { History = MucHistory.Last(5) });
        var history = await atBob.Messages.NextAsync(m => m.Body == old, Wait, "the history at Bob");
        Assert.True(history.IsHistory);
        Assert.False(history.IsOwn);
        Assert.Equal("Alice", history.Nick);
        Assert.Null(history.Occupant);

        // The default (MucHistory.None): nothing old, so the first message Carol sees is the live one after her join.
        var atCarol = new Watch(carol.Muc.GetRoom(roomJid));
        await atCarol.Room.JoinAsync("Carol");
        var live = $"after Carol came {Guid.NewGuid():N}";
        await atAlice.Room.SendMessageAsync(live);
        var first = await atCarol.Messages.NextAsync(_ => true, Wait, "the live message at Carol");
        Assert.Equal(live, first.Body);
        Assert.False(first.IsHistory);
        Assert.False((await atBob.Messages.NextAsync(m => m.Body == live, Wait, "the live message at Bob")).IsHistory);
    }

    /// <remarks>Rooms are temporary, so the restart takes the room away: the first client's rejoin creates it again.</remarks>
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task After_a_server_restart_the_clients_rejoin_by_themselves(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "restart");
        await using var alice = await ConnectAsync(server, "alice");
        var atAlice = new Watch(alice.Muc.GetRoom(roomJid));
        await atAlice.Room.JoinAsync("Alice");

        await fixture.RestartAsync(serverName, CancellationToken.None);
        var lost = await atAlice.Left.NextAsync(_ => true, Wait, "the room lost");
        Assert.True(lost.WillRejoin, $"{lost.Reason}");
        // Neither server tells occupants of a temporary room (status 332) before it ends their streams.
        Assert.Equal(MucLeaveReason.Disconnected, lost.Reason);
        var back = await atAlice.Joined.NextAsync(e => e.IsRejoin, TimeSpan.FromSeconds(90), "the rejoin");
        Assert.Equal("Alice", back.Nick);
        // Usually the restart took the room away and the rejoin created it again (back.Created); ejabberd 23.01 was
        // once seen to have it still after its restart (a clean-clone CI run, 2026-12-03). Either way the room must
        // be usable again, which Bob's entry below checks.
        Assert.Equal(MucRoomState.Joined, atAlice.Room.State);
        Assert.Empty(atAlice.RejoinFailed.All);

        // The re-created room was configured as an instant one again: others may enter (Prosody locks it otherwise).
        await using var bob = await ConnectAsync(server, "bob");
        await bob.Muc.JoinAsync(roomJid, "Bob");
        await atAlice.OccupantJoined.NextAsync(e => e.Occupant.Nick == "Bob", Wait, "Bob in the re-created room");
        Assert.True(await atAlice.Room.CheckJoinedAsync());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_resumed_session_stays_in_the_room_and_gets_what_was_said_meanwhile(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "resume");
        await using var proxy = Faults.FaultProxy.Start(server.EndPoint);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice").Through(proxy));
        await using var bob = await ConnectAsync(server, "bob");
        var reconnected = new EventWaiter<XmppReconnectedEventArgs>();
        alice.Reconnected += reconnected.Handler;
        var atAlice = new Watch(alice.Muc.GetRoom(roomJid));
        await atAlice.Room.JoinAsync("Alice");
        var atBob = new Watch(await bob.Muc.JoinAsync(roomJid, "Bob"));

        proxy.RefuseNew(true);
        await proxy.CutAllAsync();
        var meanwhile = $"while Alice was away {Guid.NewGuid():N}";
        await atBob.Room.SendMessageAsync(meanwhile);
        await atBob.Messages.NextAsync(m => m.Body == meanwhile, Wait, "Bob's echo");
        proxy.RefuseNew(false);

        Assert.True((await reconnected.NextAsync(_ => true, Wait, "the resumption")).Resumed);
        var seen = await atAlice.Messages.NextAsync(m => m.Body == meanwhile, Wait, "what Bob said meanwhile");
        Assert.False(seen.IsHistory);
        Assert.Equal(MucRoomState.Joined, atAlice.Room.State);
        Assert.Single(atAlice.Joined.All);
        Assert.Empty(atAlice.Left.All);
        Assert.Empty(atBob.OccupantLeft.All);
        Assert.True(await atAlice.Room.CheckJoinedAsync());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_nickname_in_use_is_refused_with_NicknameInUse_and_another_one_works(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "nick");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");
        await alice.Muc.JoinAsync(roomJid, "Alice");
        var room = bob.Muc.GetRoom(roomJid);

        var refused = await Assert.ThrowsAsync<MucJoinException>(() => room.JoinAsync("Alice"));
        Assert.Equal(MucJoinError.NicknameInUse, refused.Reason);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Conflict, refused.Error?.Condition);
        Assert.Contains("'Alice' is in use", refused.Message, StringComparison.Ordinal);
        Assert.Equal(MucRoomState.NotJoined, room.State);

        await room.JoinAsync("Bob");
        Assert.Equal(["Alice", "Bob"], room.Occupants.Keys.Order());
    }

    /// <remarks>The extension has no room configuration API yet (the docs of MucRoomCreation.Reserved mention a
    /// ConfigureAsync that does not exist), so the slixmpp occupant creates the room with the configuration form.</remarks>
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_password_protected_room_refuses_a_join_without_the_password_and_admits_one_with_it(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "secret");
        await using var owner = await SlixOccupant.JoinAsync(fixture.Servers, server, "carol", roomJid.ToString(), "Carol",
            ["--config", "muc#roomconfig_passwordprotectedroom=1", "--config", "muc#roomconfig_roomsecret=open sesame"]);
        await using var bob = await ConnectAsync(server, "bob");
        Assert.True((await bob.Muc.GetRoomInfoAsync(roomJid)).IsPasswordProtected);
        var room = bob.Muc.GetRoom(roomJid);

        var refused = await Assert.ThrowsAsync<MucJoinException>(() => room.JoinAsync("Bob"));
        Assert.Equal(MucJoinError.PasswordRequired, refused.Reason);
        var wrong = await Assert.ThrowsAsync<MucJoinException>(() => room.JoinAsync("Bob", new MucJoinOptions { Password = "wrong" }));
        Assert.Equal(MucJoinError.PasswordRequired, wrong.Reason);

        await room.JoinAsync("Bob", new MucJoinOptions { Password = "open sesame" });
        Assert.True(room.IsJoined);
        await owner.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Bob" && SlixOccupant.Field(p, "type") == "available");
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
    public async Task The_service_its_rooms_and_a_rooms_info_are_discoverable(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var roomJid = NewRoom(server, "disco");
        await using var alice = await ConnectAsync(server, "alice");
        await using var bob = await ConnectAsync(server, "bob");

        var services = await alice.Muc.GetServicesAsync();
        Assert.Equal([Jid.Parse(server.MucService)], services);

        var missing = await Assert.ThrowsAsync<XmppIqErrorException>(() => bob.Muc.GetRoomInfoAsync(roomJid));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, missing.Error.Condition);

        await alice.Muc.JoinAsync(roomJid, "Alice");
        var rooms = await bob.Muc.GetRoomsAsync(services[0]);
        Assert.Contains(rooms, r => r.Jid == roomJid);
        var info = await bob.Muc.GetRoomInfoAsync(roomJid);
        Assert.Equal(roomJid, info.Room);
        Assert.True(info.IsPublic);
        Assert.False(info.IsPersistent);
        Assert.False(info.IsPasswordProtected);
        Assert.False(info.IsMembersOnly);
        Assert.False(info.IsNonAnonymous);
        Assert.Equal(1, info.Occupants);
        Assert.True(info.Info.HasFeature("http://jabber.org/protocol/muc"));
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

        var gone = await Assert.ThrowsAsync<XmppIqErrorException>(() => RoomInfoOnceAnsweredAsync(bob, roomJid));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, gone.Error.Condition);
    }

    /// <summary>
    /// The room's disco#info, asked again when unanswered: ejabberd 23.01 once dropped (no answer in 20 s, in CI) a
    /// query that reached a destroyed room's process while it was ending; the next query gets the service's answer.
    /// </summary>
    private static async Task<MucRoomInfo> RoomInfoOnceAnsweredAsync(XmppClient client, Jid room)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                return await client.Muc.GetRoomInfoAsync(room, patience.Token);
            }
            catch (OperationCanceledException) when (patience.IsCancellationRequested && attempt < 4)
            {
            }
        }
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
            room.RejoinFailed += RejoinFailed.Handler;
        }

        public MucRoom Room { get; }

        public EventWaiter<MucJoinedEventArgs> Joined { get; } = new();

        public EventWaiter<MucLeftEventArgs> Left { get; } = new();

        public EventWaiter<MucMessageEventArgs> Messages { get; } = new();

        public EventWaiter<MucOccupantEventArgs> OccupantJoined { get; } = new();

        public EventWaiter<MucOccupantLeftEventArgs> OccupantLeft { get; } = new();

        public EventWaiter<MucOccupantChangedEventArgs> OccupantChanged { get; } = new();

        public EventWaiter<MucDeclineEventArgs> Declined { get; } = new();

        public EventWaiter<MucRejoinFailedEventArgs> RejoinFailed { get; } = new();
    }
}
