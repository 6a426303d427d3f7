using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Entering a room (XEP-0045 §7.2): the join presence, the occupant list, creation and refusals.</summary>
public class MucJoinTests
{
    [Fact]
    public async Task A_join_asks_for_no_history_by_default_and_completes_on_the_self_presence_with_everyone_listed()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);
        var joined = new List<MucJoinedEventArgs>();
        room.Joined += args => { joined.Add(args); return Task.CompletedTask; };

        var joining = room.JoinAsync("bot");
        var presence = await harness.ExpectAsync("presence");
        await harness.SendAsync(Presence("alice", "owner", "moderator", "alice@example.com/phone"));
        await harness.SendAsync(Presence("bob"));
        Assert.False(joining.IsCompleted);
        await harness.SendAsync(Self(codes: [100]));
        await joining.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal($"{Room}/bot", presence.GetAttribute("to"));
        Assert.Null(presence.GetAttribute("type"));
        Assert.Equal("0", presence.Element("x", MucNs)?.Element("history", MucNs)?.GetAttribute("maxstanzas"));
        Assert.Null(presence.Element("x", MucNs)?.Element("password", MucNs));
        Assert.True(room.IsJoined);
        Assert.Equal("bot", room.Nick);
        Assert.Equal(["alice", "bob", "bot"], room.Occupants.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(MucRole.Moderator, room.Occupants["alice"].Role);
        Assert.Equal(MucAffiliation.Owner, room.Occupants["alice"].Affiliation);
        Assert.Equal(Jid.Parse("alice@example.com/phone"), room.Occupants["alice"].RealJid);
        Assert.Equal(MucRole.Participant, room.Self?.Role);
        var args = Assert.Single(joined);
        Assert.False(args.IsRejoin);
        Assert.False(args.Created);
        Assert.Contains(MucStatus.NonAnonymous, args.StatusCodes);
    }

    [Fact]
    public async Task A_join_sends_the_password_and_the_history_asked_for()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var since = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        var joining = harness.Client.Muc.JoinAsync(RoomJid, "bot", new MucJoinOptions
        {
            Password = "secret",
            History = new MucHistory { MaxStanzas = 20, Since = since },
        });
        var presence = await harness.ExpectAsync("presence");
        await harness.SendAsync(Self());
        await joining.WaitAsync(TimeSpan.FromSeconds(30));

        var x = presence.Element("x", MucNs)!;
        Assert.Equal("secret", x.Element("password", MucNs)?.Value);
        Assert.Equal("20", x.Element("history", MucNs)?.GetAttribute("maxstanzas"));
        Assert.Equal("2026-12-01T10:00:00Z", x.Element("history", MucNs)?.GetAttribute("since"));
    }

    [Fact]
    public async Task The_room_default_history_sends_no_history_element()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);

        var joining = harness.Client.Muc.JoinAsync(RoomJid, "bot", new MucJoinOptions { History = MucHistory.RoomDefault });
        var presence = await harness.ExpectAsync("presence");
        await harness.SendAsync(Self());
        await joining.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(presence.Element("x", MucNs));
        Assert.Null(presence.Element("x", MucNs)?.Element("history", MucNs));
    }

    [Fact]
    public async Task A_room_the_join_created_is_configured_as_an_instant_room_before_the_join_completes()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);
        var created = false;
        room.Joined += args => { created = args.Created; return Task.CompletedTask; };

        var joining = room.JoinAsync("bot");
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self("bot", "owner", "moderator", 201));
        var configure = await harness.ExpectAsync("iq");
        Assert.False(joining.IsCompleted);
        await harness.SendAsync($"<iq type='result' id='{configure.GetAttribute("id")}' from='{Room}'/>");
        await joining.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("set", configure.GetAttribute("type"));
        Assert.Equal(Room, configure.GetAttribute("to"));
        var form = configure.Element("query", "http://jabber.org/protocol/muc#owner")?.Element("x", "jabber:x:data");
        Assert.Equal("submit", form?.GetAttribute("type"));
        Assert.Empty(form!.Elements());
        Assert.True(created);
        Assert.False(room.IsLocked);
        Assert.Equal(MucAffiliation.Owner, room.Self?.Affiliation);
    }

    [Fact]
    public async Task A_reserved_creation_leaves_the_room_locked_without_configuring_it()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);

        var joining = harness.Client.Muc.JoinAsync(RoomJid, "bot", new MucJoinOptions { Creation = MucRoomCreation.Reserved });
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self("bot", "owner", "moderator", 201));
        var room = await joining.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(room.IsJoined);
        Assert.True(room.IsLocked);
    }

    [Fact]
    public async Task A_join_that_must_not_create_destroys_the_new_room_and_fails_as_not_found()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);

        var joining = harness.Client.Muc.JoinAsync(RoomJid, "bot", new MucJoinOptions { Creation = MucRoomCreation.Never });
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self("bot", "owner", "moderator", 201));
        var destroy = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{destroy.GetAttribute("id")}' from='{Room}'/>");
        var error = await Assert.ThrowsAsync<MucJoinException>(() => joining.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.NotNull(destroy.Element("query", "http://jabber.org/protocol/muc#owner")?.Element("destroy", "http://jabber.org/protocol/muc#owner"));
        Assert.Equal(MucJoinError.RoomNotFound, error.Reason);
        Assert.False(harness.Client.Muc.GetRoom(RoomJid).IsJoined);
    }

    [Theory]
    [InlineData("conflict", "cancel", MucJoinError.NicknameInUse)]
    [InlineData("not-authorized", "auth", MucJoinError.PasswordRequired)]
    [InlineData("forbidden", "auth", MucJoinError.Banned)]
    [InlineData("registration-required", "auth", MucJoinError.MembersOnly)]
    [InlineData("item-not-found", "cancel", MucJoinError.RoomNotFound)]
    [InlineData("not-allowed", "cancel", MucJoinError.CreationNotAllowed)]
    [InlineData("not-acceptable", "cancel", MucJoinError.NicknameNotAcceptable)]
    [InlineData("service-unavailable", "wait", MucJoinError.RoomFull)]
    [InlineData("remote-server-not-found", "cancel", MucJoinError.ServiceUnreachable)]
    [InlineData("internal-server-error", "wait", MucJoinError.Other)]
    public async Task A_refused_join_throws_a_typed_error_that_says_what_to_do(string condition, string type, MucJoinError expected)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);

        var joining = room.JoinAsync("bot");
        await harness.ExpectAsync("presence");
        await harness.SendAsync($"<presence from='{Room}/bot' type='error'><x xmlns='{MucNs}'/><error type='{type}'><{condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        var error = await Assert.ThrowsAsync<MucJoinException>(() => joining.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(expected, error.Reason);
        Assert.Equal(condition, error.Error?.ConditionName);
        Assert.Contains(Room, error.Message, StringComparison.Ordinal);
        Assert.Equal(MucRoomState.NotJoined, room.State);
    }

    [Fact]
    public async Task A_join_the_room_does_not_answer_times_out_and_a_late_self_presence_is_answered_by_leaving()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);

        var joining = room.JoinAsync("bot", new MucJoinOptions { Timeout = TimeSpan.FromMilliseconds(100) });
        await harness.ExpectAsync("presence");
        await Assert.ThrowsAsync<XmppTimeoutException>(() => joining.WaitAsync(TimeSpan.FromSeconds(30)));
        await harness.SendAsync(Self());
        var leave = await harness.ExpectAsync("presence");

        Assert.Equal("unavailable", leave.GetAttribute("type"));
        Assert.Equal($"{Room}/bot", leave.GetAttribute("to"));
        Assert.False(room.IsJoined);
    }

    [Fact]
    public async Task A_nickname_the_service_assigns_becomes_the_rooms_nick()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);

        var joining = harness.Client.Muc.JoinAsync(RoomJid, "Bot");
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self("bot", codes: [210]));
        var room = await joining.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("bot", room.Nick);
        Assert.Equal("bot", room.Self?.Nick);
    }

    [Fact]
    public async Task Joining_again_with_the_same_nick_does_nothing_and_with_another_is_refused()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        await room.JoinAsync("bot");
        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => room.JoinAsync("robot"));

        Assert.Contains("ChangeNickAsync", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_join_awaited_inside_an_event_handler_that_runs_alone_is_refused_instead_of_waiting_for_its_timeout()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var refused = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Client.MessageReceived += async message =>
        {
            try
            {
                await harness.Client.Muc.JoinAsync(RoomJid, "bot");
            }
            catch (InvalidOperationException error)
            {
                refused.TrySetResult(error);
            }
        };

        await harness.SendAsync("<message from='alice@example.com/a' id='x'><body>join!</body></message>");
        var error = await refused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("MaxConcurrentEventHandlers", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("room@conference.example.com/nick")]
    [InlineData("conference.example.com")]
    public void A_room_needs_a_bare_jid_with_a_local_part(string jid)
    {
        var client = new XmppClient(TestClients.Options() with { Extensions = OnlyExtensions.Muc });

        Assert.Throws<ArgumentException>(() => client.Muc.GetRoom(Jid.Parse(jid)));
    }

    [Fact]
    public void The_same_room_object_serves_every_call()
    {
        var client = new XmppClient(TestClients.Options() with { Extensions = OnlyExtensions.Muc });

        Assert.Same(client.Muc.GetRoom(RoomJid), client.Muc.GetRoom(Jid.Parse("ROOM@conference.example.com")));
        Assert.Single(client.Muc.Rooms);
    }
}
