using Xmpp.Client.Extensions.Muc;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>The live occupant list and its events (XEP-0045 §7.2–7.7, §8–9).</summary>
public class MucOccupantTests
{
    [Fact]
    public async Task Arrivals_and_departures_after_the_join_raise_events_and_those_before_do_not()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var joined = new List<string>();
        var left = new List<MucOccupantLeftEventArgs>();
        room.OccupantJoined += args => { joined.Add(args.Occupant.Nick); return Task.CompletedTask; };
        room.OccupantLeft += args => { left.Add(args); return Task.CompletedTask; };

        await harness.SendAsync(Presence("carol"));
        await harness.SendAsync(Presence("alice", type: "unavailable", extra: "<status>bye</status>"));
        await harness.SyncAsync();

        Assert.Equal(["carol"], joined);
        var gone = Assert.Single(left);
        Assert.Equal("alice", gone.Occupant.Nick);
        Assert.Equal(MucLeaveReason.Left, gone.Reason);
        Assert.Equal("bye", gone.Text);
        Assert.Equal(["bot", "carol"], room.Occupants.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(307, MucLeaveReason.Kicked)]
    [InlineData(301, MucLeaveReason.Banned)]
    [InlineData(321, MucLeaveReason.AffiliationChanged)]
    [InlineData(322, MucLeaveReason.MembersOnly)]
    [InlineData(332, MucLeaveReason.ServiceShutdown)]
    [InlineData(333, MucLeaveReason.Error)]
    public async Task A_removed_occupant_leaves_with_the_reason_its_status_code_gives(int code, MucLeaveReason reason)
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var left = new TaskCompletionSource<MucOccupantLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.OccupantLeft += args => { left.TrySetResult(args); return Task.CompletedTask; };

        await harness.SendAsync(Presence("alice", "none", "none", codes: [code], type: "unavailable",
            item: "<actor nick='mod'/><reason>spam</reason>"));
        var args = await left.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(reason, args.Reason);
        Assert.Equal("mod", args.Actor);
        Assert.Equal("spam", args.Text);
        Assert.Contains(code, args.StatusCodes);
    }

    [Fact]
    public async Task A_nick_change_is_one_change_event_not_a_leave_and_a_join()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var changes = new List<MucOccupantChangedEventArgs>();
        var arrivals = 0;
        room.OccupantChanged += args => { changes.Add(args); return Task.CompletedTask; };
        room.OccupantJoined += _ => { arrivals++; return Task.CompletedTask; };
        room.OccupantLeft += _ => { arrivals--; return Task.CompletedTask; };

        await harness.SendAsync($"<presence from='{Room}/alice' type='unavailable'><x xmlns='{UserNs}'><item affiliation='member' role='participant' nick='alicia'/><status code='303'/></x></presence>");
        await harness.SendAsync(Presence("alicia"));
        await harness.SyncAsync();

        var change = Assert.Single(changes);
        Assert.True(change.NickChanged);
        Assert.Equal("alice", change.Previous.Nick);
        Assert.Equal("alicia", change.Occupant.Nick);
        Assert.Equal(0, arrivals);
        Assert.Equal(["alicia", "bot"], room.Occupants.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_clients_own_nick_change_completes_when_the_room_confirms_it()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var changing = room.ChangeNickAsync("robot");
        var presence = await harness.ExpectAsync("presence");
        await harness.SendAsync($"<presence from='{Room}/bot' type='unavailable'><x xmlns='{UserNs}'><item affiliation='member' role='participant' nick='robot'/><status code='303'/><status code='110'/></x></presence>");
        await harness.SendAsync(Self("robot"));
        var nick = await changing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal($"{Room}/robot", presence.GetAttribute("to"));
        Assert.Equal("robot", nick);
        Assert.Equal("robot", room.Nick);
        Assert.True(room.IsJoined);
        Assert.Equal(["robot"], room.Occupants.Keys);
    }

    [Fact]
    public async Task A_nick_change_the_room_refuses_fails_with_its_error_and_keeps_the_old_nick()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;

        var changing = room.ChangeNickAsync("alice");
        await harness.ExpectAsync("presence");
        await harness.SendAsync($"<presence from='{Room}/alice' type='error'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        var error = await Assert.ThrowsAsync<MucJoinException>(() => changing.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(MucJoinError.NicknameInUse, error.Reason);
        Assert.Equal("bot", room.Nick);
        Assert.True(room.IsJoined);
    }

    [Fact]
    public async Task Role_and_affiliation_changes_are_change_events_with_the_occupant_before_and_after()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var changes = new List<MucOccupantChangedEventArgs>();
        room.OccupantChanged += args => { changes.Add(args); return Task.CompletedTask; };

        await harness.SendAsync(Presence("alice", "member", "moderator"));
        await harness.SendAsync(Presence("bot", "admin", "moderator", "user@example.com/test", [110]));
        await harness.SendAsync(Presence("alice", "member", "moderator"));
        await harness.SyncAsync();

        Assert.Equal(2, changes.Count);
        Assert.True(changes[0].RoleChanged);
        Assert.Equal(MucRole.Participant, changes[0].Previous.Role);
        Assert.False(changes[0].IsSelf);
        Assert.True(changes[1].AffiliationChanged);
        Assert.True(changes[1].IsSelf);
        Assert.Equal(MucAffiliation.Admin, room.Self?.Affiliation);
    }

    [Theory]
    [InlineData(307, MucLeaveReason.Kicked)]
    [InlineData(301, MucLeaveReason.Banned)]
    [InlineData(321, MucLeaveReason.AffiliationChanged)]
    [InlineData(322, MucLeaveReason.MembersOnly)]
    public async Task The_client_removed_by_a_moderator_or_admin_is_out_and_does_not_rejoin(int code, MucLeaveReason reason)
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var left = new TaskCompletionSource<MucLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.Left += args => { left.TrySetResult(args); return Task.CompletedTask; };

        await harness.SendAsync(Presence("bot", "none", "none", "user@example.com/test", [110, code], "unavailable", "<actor nick='alice'/><reason>out</reason>"));
        var args = await left.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(reason, args.Reason);
        Assert.False(args.WillRejoin);
        Assert.Equal("alice", args.Actor);
        Assert.Equal("out", args.Text);
        Assert.Equal(MucRoomState.NotJoined, room.State);
        Assert.Empty(room.Occupants);
        Assert.Null(room.Self);
    }

    [Fact]
    public async Task A_destroyed_room_says_so_with_the_owners_reason_and_alternate()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var left = new TaskCompletionSource<MucLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.Left += args => { left.TrySetResult(args); return Task.CompletedTask; };

        await harness.SendAsync($"<presence from='{Room}/bot' type='unavailable'><x xmlns='{UserNs}'><item affiliation='none' role='none'/><destroy jid='new@conference.example.com'><reason>moved</reason></destroy><status code='110'/></x></presence>");
        var args = await left.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(MucLeaveReason.RoomDestroyed, args.Reason);
        Assert.Equal(Jid.Parse("new@conference.example.com"), args.Destroyed?.AlternateRoom);
        Assert.Equal("moved", args.Destroyed?.Reason);
        Assert.False(args.WillRejoin);
    }

    [Fact]
    public async Task Leaving_sends_unavailable_and_completes_when_the_room_confirms()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var left = new List<MucLeftEventArgs>();
        room.Left += async args =>
        {
            await Task.Delay(100); // a slow handler: LeaveAsync still completes only after Left was raised
            left.Add(args);
        };

        var leaving = room.LeaveAsync("bye");
        var presence = await harness.ExpectAsync("presence");
        await harness.SendAsync(Presence("bot", codes: [110], type: "unavailable"));
        await leaving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("unavailable", presence.GetAttribute("type"));
        Assert.Equal("bye", presence.Element("status", "jabber:client")?.Value);
        Assert.Equal(MucRoomState.NotJoined, room.State);
        var args = Assert.Single(left);
        Assert.Equal(MucLeaveReason.Left, args.Reason);
        Assert.False(args.WillRejoin);
    }

    [Fact]
    public async Task A_room_listing_more_occupants_than_the_limit_fills_the_list_only_up_to_it()
    {
        var set = Xmpp.Client.Extensions.XmppExtensionSet.Empty.Add(() => new MucExtension { MaxOccupantsPerRoom = 3 });
        var (harness, room) = await JoinedAsync(set, others: ["a", "b", "c", "d"]);
        await using var _ = harness;
        var joined = new List<string>();
        room.OccupantJoined += args => { joined.Add(args.Occupant.Nick); return Task.CompletedTask; };

        await harness.SendAsync(Presence("e"));
        await harness.SendAsync(Presence("a", "member", "moderator"));
        await harness.SyncAsync();

        Assert.Equal(["a", "b", "bot", "c"], room.Occupants.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(joined);
        Assert.Equal(MucRole.Moderator, room.Occupants["a"].Role);
    }

    [Fact]
    public async Task Leaving_while_the_join_is_under_way_leaves_with_the_nick_being_joined()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Xmpp.Client.Tests.Support.OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);
        var joining = room.JoinAsync("bot");
        await harness.ExpectAsync("presence");

        var leaving = room.LeaveAsync();
        var leave = await harness.ExpectAsync("presence");
        await harness.SendAsync(Self());
        await harness.SendAsync(Presence("bot", codes: [110], type: "unavailable"));
        await joining.WaitAsync(TimeSpan.FromSeconds(30));
        await leaving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("unavailable", leave.GetAttribute("type"));
        Assert.Equal($"{Room}/bot", leave.GetAttribute("to"));
        Assert.Equal(MucRoomState.NotJoined, room.State);
    }
}
