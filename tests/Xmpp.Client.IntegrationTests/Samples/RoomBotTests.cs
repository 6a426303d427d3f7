using Xmpp.Client.IntegrationTests.Interop;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// The RoomBot sample as users run it, in rooms of Prosody and ejabberd with slixmpp occupants
/// (<c>tests/interop/slix_occupant.py</c>): it creates the room, answers what is addressed to it and nothing else,
/// echoes private messages, rejoins after a server restart and leaves on SIGTERM.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RoomBotTests(ServersFixture fixture)
{
    private const string BotNick = "RoomBot";

    /// <summary>After a restart: the client's reconnection backoff, and ejabberd's Erlang VM start (≈ 6 s).</summary>
    private static readonly TimeSpan RejoinTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task RoomBot_creates_the_room_answers_what_is_addressed_to_it_echoes_private_messages_and_leaves_on_SIGTERM(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"roombot-{Guid.NewGuid():N}");
        await using var bot = await StartBotAsync(server, room);

        // On Prosody a new room is locked until its owner configures it: entering proves the bot made it an instant room.
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        Assert.False(SlixOccupant.Flag(alice.Events("joined").Single(), "created"), alice.Process.Describe());
        Assert.Contains(alice.Events("presence"), p => SlixOccupant.Field(p, "nick") == BotNick && SlixOccupant.Field(p, "affiliation") == "owner");

        await alice.SayAsync($"{BotNick}: hello");
        await WaitForBotAsync(alice, "Alice: hello");

        // A line for everyone gets no answer: the answer to the marker after it comes next.
        await alice.SayAsync("hello everyone");
        await alice.SayAsync($"{BotNick}, marker one");
        await WaitForBotAsync(alice, "Alice: marker one");
        Assert.Equal(["Alice: hello", "Alice: marker one"], BotLines(alice));

        // An occupant whose nickname starts like a line addressed to the bot: the bot's answer to them is addressed to
        // the bot itself, and answering its own line would loop ("RoomBot: twin: hi", …).
        await using var twin = await SlixOccupant.JoinAsync(fixture.Servers, server, "bob", room, $"{BotNick}, twin");
        await twin.SayAsync($"{BotNick}: hi");
        await WaitForBotAsync(alice, $"{BotNick}, twin: hi");
        await alice.SayAsync($"{BotNick}: marker two");
        await WaitForBotAsync(alice, "Alice: marker two");
        Assert.Equal(["Alice: hello", "Alice: marker one", $"{BotNick}, twin: hi", "Alice: marker two"], BotLines(alice));

        var secret = $"just for the bot {Guid.NewGuid():N} <&'\"> é ✓";
        await alice.SendPrivateAsync(BotNick, secret);
        var echo = await alice.WaitForEventAsync("private", m => SlixOccupant.Field(m, "body") == secret);
        Assert.Equal(BotNick, SlixOccupant.Field(echo, "nick"));
        Assert.DoesNotContain(BotLines(alice), line => line.Contains(secret, StringComparison.Ordinal));

        bot.Terminate();
        await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == BotNick && SlixOccupant.Field(p, "type") == "unavailable",
            what: "the bot leaving the room");
        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, bot.Describe());
        Assert.Equal("Bye", bot.Lines[^1]);
        Assert.Single(bot.Lines, JoinedLine(room));
        Assert.True(await twin.LeaveAsync() == 0, twin.Process.Describe());
        Assert.True(await alice.LeaveAsync() == 0, alice.Process.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task RoomBot_does_not_answer_what_was_said_before_it_joined(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"roombot-history-{Guid.NewGuid():N}");
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        await alice.SayAsync($"{BotNick}: old");
        await alice.WaitForEventAsync("groupchat", m => SlixOccupant.Field(m, "body") == $"{BotNick}: old"); // the room has it

        await using var bot = await StartBotAsync(server, room);
        await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == BotNick && SlixOccupant.Field(p, "type") == "available");
        await alice.SayAsync($"{BotNick}: new");
        await WaitForBotAsync(alice, "Alice: new");
        Assert.Equal(["Alice: new"], BotLines(alice));

        bot.Terminate();
        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, bot.Describe());
        Assert.True(await alice.LeaveAsync() == 0, alice.Process.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task RoomBot_rejoins_by_itself_after_a_server_restart_and_answers_again(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"roombot-restart-{Guid.NewGuid():N}");
        await using var bot = await StartBotAsync(server, room);
        await using (var before = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice"))
        {
            await before.SayAsync($"{BotNick}: before");
            await WaitForBotAsync(before, "Alice: before");

            await fixture.RestartAsync(serverName, CancellationToken.None);
        }

        // The room was temporary, so the restart took it away: the bot's rejoin creates it again (and unlocks it on Prosody).
        await bot.WaitForLineAsync(Nth(JoinedLine(room), 2), RejoinTimeout, "'Joined' a second time");
        await using var after = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        Assert.Contains(after.Events("presence"), p => SlixOccupant.Field(p, "nick") == BotNick && SlixOccupant.Field(p, "affiliation") == "owner");
        await after.SayAsync($"{BotNick}: after");
        await WaitForBotAsync(after, "Alice: after");

        bot.Terminate();
        await after.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == BotNick && SlixOccupant.Field(p, "type") == "unavailable",
            what: "the bot leaving the room");
        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, bot.Describe());
        Assert.Equal(2, bot.Lines.Count(l => l == JoinedLine(room)));
        Assert.True(await after.LeaveAsync() == 0, after.Process.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_refused_join_prints_the_rooms_reason_on_stderr_and_exits_1(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"roombot-taken-{Guid.NewGuid():N}");
        await using var squatter = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, BotNick);

        await using var bot = Sample.Start("RoomBot", fixture.Servers, server, "bot", ["--room", room, "--nick", BotNick]);
        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, bot.Describe());
        Assert.Empty(bot.Lines);
        Assert.Contains($"Could not join {room} as '{BotNick}': the nickname '{BotNick}' is in use", bot.StandardError, StringComparison.Ordinal);
        Assert.True(await squatter.LeaveAsync() == 0, squatter.Process.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task RoomBot_kicked_out_of_the_room_prints_why_on_stderr_and_exits_1(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"roombot-kick-{Guid.NewGuid():N}");
        await using var owner = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        var ownRoom = await owner.Muc.JoinAsync(Jid.Parse(room), "Carol");

        await using var bot = await StartBotAsync(server, room);
        await ownRoom.KickAsync(BotNick, "no bots here");
        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, bot.Describe());
        Assert.Contains($"RoomBot stopped: out of {room}: Kicked (no bots here)", bot.StandardError, StringComparison.Ordinal);
    }

    private static string JoinedLine(string room) => $"Joined {room} as {BotNick}";

    /// <summary>Matches the <paramref name="n"/>th line equal to <paramref name="line"/> (a waiter sees each line once, in order).</summary>
    private static Func<string, bool> Nth(string line, int n)
    {
        var seen = 0;
        return l => l == line && ++seen == n;
    }

    /// <summary>What the bot said in the room, as <paramref name="occupant"/> saw it.</summary>
    private static IReadOnlyList<string> BotLines(SlixOccupant occupant) =>
        [.. occupant.Events("groupchat").Where(m => SlixOccupant.Field(m, "nick") == BotNick).Select(m => SlixOccupant.Field(m, "body") ?? "")];

    private static Task WaitForBotAsync(SlixOccupant occupant, string body) =>
        occupant.WaitForEventAsync("groupchat", m => SlixOccupant.Field(m, "nick") == BotNick && SlixOccupant.Field(m, "body") == body,
            what: $"the bot saying \"{body}\"");

    private async Task<ChildProcess> StartBotAsync(XmppTestServer server, string room)
    {
        var bot = Sample.Start("RoomBot", fixture.Servers, server, "bot", ["--room", room, "--nick", BotNick]);
        try
        {
            await bot.WaitForLineAsync(l => l == JoinedLine(room), SampleProcessTests.LoginTimeout, $"'{JoinedLine(room)}'");
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }
}
