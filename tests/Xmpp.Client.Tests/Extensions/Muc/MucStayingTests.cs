using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Staying in a room: self-ping (XEP-0410) and joining again after a service shutdown.</summary>
public class MucStayingTests
{
    [Fact]
    public async Task A_room_silent_for_the_self_ping_interval_is_pinged_at_the_clients_own_occupant_jid()
    {
        var clock = new ManualClock();
        var (harness, room) = await JoinedAsync(clock: clock);
        await using var _ = harness;

        // The loop wakes every half interval (2.5 min) and pings a room silent for the whole interval (5 min): the
        // second wake-up pings (and then waits for the answer, so no timer is pending until it comes).
        for (var step = 0; step < 2; step++)
        {
            await clock.WaitForTimerAsync();
            clock.Advance(TimeSpan.FromMinutes(2.5));
        }

        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{ping.GetAttribute("id")}' from='{Room}/bot'/>");
        await harness.SyncAsync();

        Assert.Equal($"{Room}/bot", ping.GetAttribute("to"));
        Assert.NotNull(ping.Element("ping", "urn:xmpp:ping"));
        Assert.True(room.IsJoined);
    }

    [Theory]
    [InlineData("service-unavailable")]
    [InlineData("feature-not-implemented")]
    public async Task Self_ping_errors_that_mean_the_ping_reached_a_resource_count_as_joined(string condition)
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var checking = room.CheckJoinedAsync();
        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync(PingError(ping.GetAttribute("id")!, condition));

        Assert.True(await checking.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(room.IsJoined);
    }

    [Fact]
    public async Task A_self_ping_answered_item_not_found_by_a_room_that_exists_counts_as_joined()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var checking = room.CheckJoinedAsync();
        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync(PingError(ping.GetAttribute("id")!, "item-not-found"));
        var disco = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{disco.GetAttribute("id")}' from='{Room}'><query xmlns='http://jabber.org/protocol/disco#info'>"
            + "<identity category='conference' type='text'/><feature var='http://jabber.org/protocol/muc'/></query></iq>");

        Assert.True(await checking.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Room, disco.GetAttribute("to"));
        Assert.NotNull(disco.Element("query", "http://jabber.org/protocol/disco#info"));
        Assert.True(room.IsJoined);
    }

    /// <remarks>Prosody 0.12 and ejabberd 23.01 answer a ping to an occupant of a room that does not exist with
    /// item-not-found, as XEP-0410 has a room answer during a nickname change: a MUC service restarted without its rooms.</remarks>
    [Fact]
    public async Task A_self_ping_answered_item_not_found_by_a_room_that_is_gone_counts_the_room_lost_and_joins_again()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var left = new List<MucLeftEventArgs>();
        room.Left += args => { left.Add(args); return Task.CompletedTask; };

        var checking = room.CheckJoinedAsync();
        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync(PingError(ping.GetAttribute("id")!, "item-not-found"));
        var disco = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='error' id='{disco.GetAttribute("id")}' from='{Room}'><error type='cancel'>"
            + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        Assert.False(await checking.WaitAsync(TimeSpan.FromSeconds(30)));
        var join = await harness.ExpectAsync("presence");
        Assert.Equal(MucLeaveReason.NotJoined, Assert.Single(left).Reason);
        Assert.True(left[0].WillRejoin);
        Assert.Equal($"{Room}/bot", join.GetAttribute("to"));
        Assert.Equal(MucRoomState.Rejoining, room.State);
    }

    [Fact]
    public async Task A_self_ping_refused_as_not_acceptable_counts_the_room_lost_and_joins_again()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var left = new List<MucLeftEventArgs>();
        var rejoined = new TaskCompletionSource<MucJoinedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.Left += args => { left.Add(args); return Task.CompletedTask; };
        room.Joined += args => { rejoined.TrySetResult(args); return Task.CompletedTask; };

        var checking = room.CheckJoinedAsync();
        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync(PingError(ping.GetAttribute("id")!, "not-acceptable"));
        Assert.False(await checking.WaitAsync(TimeSpan.FromSeconds(30)));
        var join = await harness.ExpectAsync("presence");
        await harness.SendAsync(Presence("alice"));
        await harness.SendAsync(Self());
        var args = await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(MucLeaveReason.NotJoined, Assert.Single(left).Reason);
        Assert.True(left[0].WillRejoin);
        Assert.Equal($"{Room}/bot", join.GetAttribute("to"));
        Assert.NotNull(join.Element("x", MucNs));
        Assert.True(args.IsRejoin);
        Assert.True(room.IsJoined);
        Assert.Equal(2, room.Occupants.Count);
    }

    [Fact]
    public async Task A_service_shutdown_is_followed_by_a_rejoin_after_a_pause_and_retries_while_the_service_is_away()
    {
        var clock = new ManualClock();
        var (harness, room) = await JoinedAsync(clock: clock);
        await using var _ = harness;
        var left = new TaskCompletionSource<MucLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new List<MucRejoinFailedEventArgs>();
        var rejoined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        room.Left += args => { left.TrySetResult(args); return Task.CompletedTask; };
        room.RejoinFailed += args => { failures.Add(args); return Task.CompletedTask; };
        room.Joined += _ => { rejoined.TrySetResult(); return Task.CompletedTask; };

        await harness.SendAsync(Presence("bot", "none", "none", "user@example.com/test", [110, 332], "unavailable"));
        var args = await left.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MucLeaveReason.ServiceShutdown, args.Reason);
        Assert.True(args.WillRejoin);
        Assert.Equal(MucRoomState.Rejoining, room.State);

        await AdvanceRejoinDelayAsync(clock, MucRoom.RejoinDelays.AfterShutdown);
        await harness.ExpectAsync("presence");
        await harness.SendAsync($"<presence from='{Room}/bot' type='error'><error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        await AdvanceRejoinDelayAsync(clock, MucRoom.RejoinDelays.After(0));
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self());
        await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var failure = Assert.Single(failures);
        Assert.Equal(MucJoinError.ServiceUnreachable, Assert.IsType<MucJoinException>(failure.Error).Reason);
        Assert.True(failure.WillRetry);
        Assert.True(room.IsJoined);
    }

    [Fact]
    public async Task A_rejoin_refused_because_the_nick_was_taken_meanwhile_says_so_and_stops()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var failed = new TaskCompletionSource<MucRejoinFailedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.RejoinFailed += args => { failed.TrySetResult(args); return Task.CompletedTask; };

        var checking = room.CheckJoinedAsync();
        var ping = await harness.ExpectAsync("iq");
        await harness.SendAsync(PingError(ping.GetAttribute("id")!, "not-acceptable"));
        await checking.WaitAsync(TimeSpan.FromSeconds(30));
        await harness.ExpectAsync("presence");
        await harness.SendAsync($"<presence from='{Room}/bot' type='error'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>");
        var args = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(MucJoinError.NicknameInUse, Assert.IsType<MucJoinException>(args.Error).Reason);
        Assert.False(args.WillRetry);
        Assert.Equal(MucRoomState.NotJoined, room.State);
    }

    [Fact]
    public async Task A_room_joined_without_rejoin_stays_out_after_a_service_shutdown()
    {
        var (harness, room) = await JoinedAsync(options: new MucJoinOptions { Rejoin = false });
        await using var _ = harness;
        var left = new TaskCompletionSource<MucLeftEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.Left += args => { left.TrySetResult(args); return Task.CompletedTask; };

        await harness.SendAsync(Presence("bot", "none", "none", "user@example.com/test", [110, 332], "unavailable"));
        var args = await left.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(args.WillRejoin);
        Assert.Equal(MucRoomState.NotJoined, room.State);
    }

    [Fact]
    public async Task A_message_the_room_refuses_as_not_acceptable_makes_the_client_check_with_a_self_ping()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        await harness.SendAsync($"<message from='{Room}' type='error' id='m1'><error type='cancel'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
        var ping = await harness.ExpectAsync("iq");

        Assert.Equal($"{Room}/bot", ping.GetAttribute("to"));
        Assert.NotNull(ping.Element("ping", "urn:xmpp:ping"));
    }

    private static string PingError(string id, string condition) =>
        $"<iq type='error' id='{id}' from='{Room}/bot'><error type='cancel'><{condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";

    /// <summary>Waits for the rejoin loop's delay (the shortest timer pending that long) and lets it pass.</summary>
    private static async Task AdvanceRejoinDelayAsync(ManualClock clock, TimeSpan delay)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            if (await clock.WaitForTimerAsync() <= delay)
            {
                clock.Advance(delay);
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No timer of {delay} was started.");
    }
}
