using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Room messages: live, history, the client's own echo, private messages and what is not the room's.</summary>
public class MucMessageTests
{
    [Fact]
    public async Task History_before_the_subject_is_marked_and_live_lines_after_it_are_not()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var messages = Record(room);
        var subjects = new List<string?>();
        room.SubjectChanged += args => { subjects.Add(args.Subject); return Task.CompletedTask; };

        await harness.SendAsync(Groupchat("alice", "old line", "h1", $"<delay xmlns='urn:xmpp:delay' from='{Room}' stamp='2026-12-01T10:00:00Z'/>"));
        await harness.SendAsync($"<message from='{Room}/alice' type='groupchat' id='s1'><subject>Plans</subject></message>");
        await harness.SendAsync(Groupchat("alice", "new line", "m2"));
        await harness.SyncAsync();

        Assert.Equal(2, messages.Count);
        Assert.True(messages[0].IsHistory);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), messages[0].Timestamp);
        Assert.Null(messages[0].Occupant);
        Assert.False(messages[1].IsHistory);
        Assert.Equal("alice", messages[1].Nick);
        Assert.Equal("alice", messages[1].Occupant?.Nick);
        Assert.Equal(["Plans"], subjects);
        Assert.Equal("Plans", room.Subject);
    }

    [Fact]
    public async Task A_live_message_with_a_delay_a_client_added_is_not_history()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var messages = Record(room);
        await harness.SendAsync($"<message from='{Room}' type='groupchat' id='s1'><subject/></message>");

        await harness.SendAsync(Groupchat("alice", "sent offline", "m1", "<delay xmlns='urn:xmpp:delay' from='alice@example.com/a' stamp='2026-12-01T10:00:00Z'/>"));
        await harness.SyncAsync();

        Assert.False(Assert.Single(messages).IsHistory);
        Assert.Null(room.Subject);
    }

    [Fact]
    public async Task The_rooms_echo_of_a_sent_message_is_recognised_by_its_origin_id_not_by_the_nick()
    {
        var (harness, room) = await JoinedAsync(OnlyExtensions.Muc.Add<StanzaIdsExtension>(), afterLogin: AnswerStanzaIdQueryAsync);
        await using var _ = harness;
        var messages = Record(room);

        var id = await room.SendMessageAsync("hello");
        var sent = await harness.ExpectAsync();
        var originId = sent.Element("origin-id", "urn:xmpp:sid:0")?.GetAttribute("id");
        await harness.SendAsync(Groupchat("bot", "hello", "rewritten", $"<origin-id xmlns='urn:xmpp:sid:0' id='{originId}'/><stanza-id xmlns='urn:xmpp:sid:0' by='{Room}' id='arch-1'/>"));
        await harness.SendAsync(Groupchat("bot", "from my other device", "other-id"));
        await harness.SyncAsync();

        Assert.Equal("groupchat", sent.GetAttribute("type"));
        Assert.Equal(Room, sent.GetAttribute("to"));
        Assert.Equal(id, originId);
        Assert.True(messages[0].IsOwn);
        Assert.Equal("arch-1", messages[0].StanzaId);
        Assert.False(messages[1].IsOwn);
        Assert.Equal("bot", messages[1].Nick);
    }

    [Fact]
    public async Task A_stanza_id_not_put_there_by_the_room_is_not_the_rooms()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var messages = Record(room);

        await harness.SendAsync(Groupchat("alice", "hi", "m1", "<stanza-id xmlns='urn:xmpp:sid:0' by='alice@example.com' id='forged'/>"));
        await harness.SyncAsync();

        Assert.Null(Assert.Single(messages).StanzaId);
    }

    [Theory]
    [InlineData("room@conference.evil.com/alice")]
    [InlineData("mallory@example.com/room")]
    [InlineData("conference.example.com")]
    public async Task A_groupchat_message_not_from_the_room_is_not_room_traffic(string from)
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var messages = Record(room);
        var elsewhere = new List<Message>();
        harness.Client.MessageReceived += message => { if (message.Type == MessageType.Groupchat) { elsewhere.Add(message); } return Task.CompletedTask; };

        await harness.SendAsync($"<message from='{from}' type='groupchat' id='f1'><body>I am the room</body></message>");
        await harness.SyncAsync();

        Assert.Empty(messages);
        Assert.Single(elsewhere);
    }

    [Fact]
    public async Task A_presence_claiming_to_be_a_rooms_occupant_from_another_address_changes_nothing()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;

        await harness.SendAsync($"<presence from='room@conference.evil.com/bot' type='unavailable'><x xmlns='{UserNs}'><item affiliation='none' role='none'/><status code='110'/><status code='307'/></x></presence>");
        await harness.SyncAsync();

        Assert.True(room.IsJoined);
        Assert.Equal(2, room.Occupants.Count);
    }

    [Fact]
    public async Task Messages_of_a_room_the_client_is_not_in_are_not_raised()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var messages = Record(room);
        var leaving = room.LeaveAsync();
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Presence("bot", codes: [110], type: "unavailable"));
        await leaving.WaitAsync(TimeSpan.FromSeconds(30));

        await harness.SendAsync(Groupchat("alice", "still here?"));
        await harness.SyncAsync();

        Assert.Empty(messages);
    }

    [Fact]
    public async Task Private_messages_from_occupants_are_raised_by_the_room_and_answered_through_it()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;
        var received = new TaskCompletionSource<MucPrivateMessageEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var direct = 0;
        room.PrivateMessageReceived += args => { received.TrySetResult(args); return Task.CompletedTask; };
        harness.Client.MessageReceived += message => { if (message.Body == "psst") { direct++; } return Task.CompletedTask; };

        await harness.SendAsync($"<message from='{Room}/alice' type='chat' id='p1'><body>psst</body><x xmlns='{UserNs}'/></message>");
        var args = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await room.SendPrivateMessageAsync(args.Nick, "yes?");
        var answer = await harness.ExpectAsync();
        await harness.SyncAsync();

        Assert.Equal("alice", args.Nick);
        Assert.Equal("psst", args.Body);
        Assert.Equal("alice", args.Occupant?.Nick);
        Assert.Equal(0, direct);
        Assert.Equal($"{Room}/alice", answer.GetAttribute("to"));
        Assert.Equal("chat", answer.GetAttribute("type"));
        Assert.NotNull(MucScript.UserX(answer));
    }

    [Fact]
    public async Task Sending_to_a_room_the_client_is_not_in_is_refused()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var room = harness.Client.Muc.GetRoom(RoomJid);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await room.SendMessageAsync("hi"));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await room.SendPrivateMessageAsync("alice", "hi"));
    }

    [Fact]
    public async Task A_message_of_the_callers_making_goes_to_the_room_as_groupchat_with_its_payloads()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var message = new Message(Jid.Parse("someone@example.com"), "hi") { Thread = "t1" };
        message.AddPayload(System.Xml.Linq.XName.Get("custom", "urn:example"));

        await room.SendAsync(message);
        var sent = await harness.ExpectAsync();

        Assert.Equal(Room, sent.GetAttribute("to"));
        Assert.Equal("groupchat", sent.GetAttribute("type"));
        Assert.Equal("hi", sent.Element("body", "jabber:client")?.Value);
        Assert.Equal("t1", sent.Element("thread", "jabber:client")?.Value);
        Assert.NotNull(sent.Element("custom", "urn:example"));
        Assert.Equal("someone@example.com", message.To?.ToString());
    }

    [Fact]
    public async Task Setting_the_subject_sends_a_groupchat_message_with_only_a_subject()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        await room.SetSubjectAsync("Today");
        var sent = await harness.ExpectAsync();

        Assert.Equal("Today", sent.Element("subject", "jabber:client")?.Value);
        Assert.Null(sent.Element("body", "jabber:client"));
        Assert.Equal("groupchat", sent.GetAttribute("type"));
    }

    private static List<MucMessageEventArgs> Record(MucRoom room)
    {
        var messages = new List<MucMessageEventArgs>();
        room.MessageReceived += args => { messages.Add(args); return Task.CompletedTask; };
        return messages;
    }
}
