using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Corrections;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Extensions.Muc;

namespace Xmpp.Client.Tests.Extensions.Corrections;

/// <summary>Corrections (XEP-0308) and retractions (XEP-0424): sent as the XEPs say, accepted only from the original's sender.</summary>
public class CorrectionsTests
{
    private const string Correct = "urn:xmpp:message-correct:0";
    private const string Retract = "urn:xmpp:message-retract:1";
    private const string OccupantId = "urn:xmpp:occupant-id:0";

    private static XmppExtensionSet Set => XmppExtensionSet.Empty.Add<CorrectionsExtension>();

    private sealed class Seen
    {
        public List<MessageCorrectedEventArgs> Corrected { get; } = [];

        public List<MessageRetractedEventArgs> Retracted { get; } = [];

        public List<Message> Messages { get; } = [];

        public List<MucMessageEventArgs> RoomMessages { get; } = [];

        public static Seen On(XmppClient client)
        {
            var seen = new Seen();
            var corrections = client.GetExtension<CorrectionsExtension>();
            corrections.MessageCorrected += args => { seen.Corrected.Add(args); return Task.CompletedTask; };
            corrections.MessageRetracted += args => { seen.Retracted.Add(args); return Task.CompletedTask; };
            client.MessageReceived += message =>
            {
                if (message.Id?.StartsWith("marker-", StringComparison.Ordinal) != true)
                {
                    seen.Messages.Add(message);
                }

                return Task.CompletedTask;
            };
            return seen;
        }
    }

    private static string Chat(string from, string id, string body, string extra = "") =>
        $"<message from='{from}' to='user@example.com/test' type='chat' id='{id}'><body>{body}</body>{extra}</message>";

    [Fact]
    public async Task CorrectAsync_sends_the_new_body_with_replace_of_the_original_id()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);

        var id = await harness.Client.GetExtension<CorrectionsExtension>().CorrectAsync(Jid.Parse("juliet@example.com"), "m1", "Hello, world!");
        var sent = await harness.ExpectAsync();

        Assert.Equal("juliet@example.com", sent.GetAttribute("to"));
        Assert.Equal("chat", sent.GetAttribute("type"));
        Assert.Equal(id, sent.GetAttribute("id"));
        Assert.NotEqual("m1", id);
        Assert.Equal("Hello, world!", sent.Element("body", "jabber:client")?.Value);
        Assert.Equal("m1", sent.Element("replace", Correct)?.GetAttribute("id"));
    }

    [Fact]
    public async Task RetractAsync_sends_retract_with_the_fallback_body_marked_as_fallback_and_a_store_hint()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);

        await harness.Client.GetExtension<CorrectionsExtension>().RetractAsync(MucScript.RoomJid, "stanza-id-1", MessageType.Groupchat);
        var sent = await harness.ExpectAsync();

        Assert.Equal("groupchat", sent.GetAttribute("type"));
        Assert.Equal("stanza-id-1", sent.Element("retract", Retract)?.GetAttribute("id"));
        Assert.Equal(Retract, sent.Element("fallback", "urn:xmpp:fallback:0")?.GetAttribute("for"));
        Assert.NotNull(sent.Element("store", "urn:xmpp:hints"));
        Assert.Equal(CorrectionsExtension.RetractionFallbackBody, sent.Element("body", "jabber:client")?.Value);
    }

    [Fact]
    public async Task A_correction_from_the_original_sender_is_raised_verified_and_not_as_a_new_message()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);
        var seen = Seen.On(harness.Client);

        await harness.SendAsync(Chat("juliet@example.com/balcony", "j1", "Wherefore art tou?"));
        await harness.SendAsync(Chat("juliet@example.com/phone", "j2", "Wherefore art thou?", $"<replace xmlns='{Correct}' id='j1'/>"));
        await harness.SyncAsync();

        var corrected = Assert.Single(seen.Corrected);
        Assert.True(corrected.OriginalKnown);
        Assert.Equal("j1", corrected.ReplacedId);
        Assert.Equal("Wherefore art thou?", corrected.NewBody);
        Assert.Equal(Jid.Parse("juliet@example.com"), corrected.Conversation);
        Assert.Equal("j1", Assert.Single(seen.Messages).Id);
    }

    [Fact]
    public async Task A_contacts_correction_of_a_message_this_client_sent_is_dropped()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);
        var seen = Seen.On(harness.Client);
        var mine = await harness.Client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "I love you"));
        await harness.ExpectAsync();

        await harness.SendAsync(Chat("juliet@example.com/balcony", "x1", "I hate you", $"<replace xmlns='{Correct}' id='{mine}'/>"));
        await harness.SendAsync(Chat("juliet@example.com/balcony", "x2", CorrectionsExtension.RetractionFallbackBody, $"<retract xmlns='{Retract}' id='{mine}'/>"));
        await harness.SyncAsync();

        Assert.Empty(seen.Corrected);
        Assert.Empty(seen.Retracted);
        Assert.Empty(seen.Messages);
    }

    [Fact]
    public async Task A_correction_from_another_JID_stays_in_that_JIDs_conversation_and_is_not_verified()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);
        var seen = Seen.On(harness.Client);

        await harness.SendAsync(Chat("juliet@example.com/balcony", "j1", "Meet me at noon"));
        await harness.SendAsync(Chat("tybalt@example.com/street", "t1", "Meet me at midnight", $"<replace xmlns='{Correct}' id='j1'/>"));
        await harness.SyncAsync();

        var corrected = Assert.Single(seen.Corrected);
        Assert.False(corrected.OriginalKnown);
        Assert.Equal(Jid.Parse("tybalt@example.com"), corrected.Conversation);
    }

    [Fact]
    public async Task A_correction_of_an_unknown_message_is_raised_with_OriginalKnown_false()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);
        var seen = Seen.On(harness.Client);

        await harness.SendAsync(Chat("juliet@example.com/balcony", "j9", "fixed", $"<replace xmlns='{Correct}' id='from-yesterday'/>"));
        await harness.SyncAsync();

        Assert.False(Assert.Single(seen.Corrected).OriginalKnown);
        Assert.Empty(seen.Messages);
    }

    [Fact]
    public async Task A_retraction_from_the_sender_by_origin_id_is_raised_verified()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Set);
        var seen = Seen.On(harness.Client);

        await harness.SendAsync(Chat("juliet@example.com/balcony", "j1", "oops", "<origin-id xmlns='urn:xmpp:sid:0' id='o1'/>"));
        await harness.SendAsync(Chat("juliet@example.com/balcony", "j2", CorrectionsExtension.RetractionFallbackBody,
            $"<retract xmlns='{Retract}' id='o1'/><fallback xmlns='urn:xmpp:fallback:0' for='{Retract}'/>"));
        await harness.SyncAsync();

        var retracted = Assert.Single(seen.Retracted);
        Assert.True(retracted.OriginalKnown);
        Assert.Equal("o1", retracted.RetractedId);
        Assert.Single(seen.Messages);
    }

    [Fact]
    public async Task Only_the_last_messages_of_a_conversation_are_remembered()
    {
        var set = XmppExtensionSet.Empty.Add(() => new CorrectionsExtension { MessagesPerConversation = 2 });
        await using var harness = await MessagingHarness.ConnectAsync(set);
        var seen = Seen.On(harness.Client);

        for (var i = 1; i <= 3; i++)
        {
            await harness.SendAsync(Chat("juliet@example.com/balcony", $"j{i}", $"line {i}"));
        }

        await harness.SendAsync(Chat("juliet@example.com/balcony", "c1", "line one", $"<replace xmlns='{Correct}' id='j1'/>"));
        await harness.SendAsync(Chat("juliet@example.com/balcony", "c3", "line three", $"<replace xmlns='{Correct}' id='j3'/>"));
        await harness.SyncAsync();

        Assert.Equal([false, true], seen.Corrected.Select(args => args.OriginalKnown));
    }

    [Fact]
    public async Task In_a_room_a_correction_from_another_occupant_is_dropped_and_the_senders_own_is_raised()
    {
        var (harness, room) = await MucScript.JoinedAsync(Set, others: ["juliet", "tybalt"]);
        await using var _ = harness;
        var seen = Seen.On(harness.Client);
        room.MessageReceived += args => { seen.RoomMessages.Add(args); return Task.CompletedTask; };

        await harness.SendAsync(MucScript.Groupchat("juliet", "Good morrow", "g1"));
        await harness.SendAsync(MucScript.Groupchat("tybalt", "Good night", "g2", $"<replace xmlns='{Correct}' id='g1'/>"));
        await harness.SendAsync(MucScript.Groupchat("juliet", "Good morrow, all", "g3", $"<replace xmlns='{Correct}' id='g1'/>"));
        await harness.SyncAsync();

        var corrected = Assert.Single(seen.Corrected);
        Assert.Equal("juliet", corrected.Nick);
        Assert.True(corrected.OriginalKnown);
        Assert.Equal(MucScript.RoomJid, corrected.Conversation);
        Assert.Equal("Good morrow", Assert.Single(seen.RoomMessages).Body);
    }

    [Fact]
    public async Task In_a_room_occupant_ids_decide_when_both_messages_carry_one()
    {
        var (harness, _) = await MucScript.JoinedAsync(Set, others: ["juliet"]);
        await using var __ = harness;
        var seen = Seen.On(harness.Client);
        string Oid(string id) => $"<occupant-id xmlns='{OccupantId}' id='{id}'/>";

        await harness.SendAsync(MucScript.Groupchat("juliet", "Good morrow", "g1", Oid("juliet-1")));
        // Someone who took the nick juliet after she left: another occupant-id.
        await harness.SendAsync(MucScript.Groupchat("juliet", "Good night", "g2", $"<replace xmlns='{Correct}' id='g1'/>{Oid("impostor")}"));
        // The real one, under a new nick.
        await harness.SendAsync(MucScript.Groupchat("jules", "Good morrow, all", "g3", $"<replace xmlns='{Correct}' id='g1'/>{Oid("juliet-1")}"));
        await harness.SyncAsync();

        var corrected = Assert.Single(seen.Corrected);
        Assert.Equal("jules", corrected.Nick);
        Assert.Equal("Good morrow, all", corrected.NewBody);
    }

    [Fact]
    public async Task In_a_room_a_retraction_names_the_rooms_stanza_id_and_only_the_sender_may_send_it()
    {
        var (harness, room) = await MucScript.JoinedAsync(Set, others: ["juliet", "tybalt"]);
        await using var _ = harness;
        var seen = Seen.On(harness.Client);
        var stanzaId = $"<stanza-id xmlns='urn:xmpp:sid:0' by='{MucScript.Room}' id='s-1'/>";
        string RetractOf(string id) => $"<retract xmlns='{Retract}' id='{id}'/>";

        await harness.SendAsync(MucScript.Groupchat("juliet", "regrettable", "g1", stanzaId));
        await harness.SendAsync(MucScript.Groupchat("tybalt", CorrectionsExtension.RetractionFallbackBody, "g2", RetractOf("s-1")));
        await harness.SendAsync(MucScript.Groupchat("juliet", CorrectionsExtension.RetractionFallbackBody, "g3", RetractOf("s-1")));
        await harness.SyncAsync();

        var retracted = Assert.Single(seen.Retracted);
        Assert.Equal("juliet", retracted.Nick);
        Assert.True(retracted.OriginalKnown);
        Assert.Equal("s-1", retracted.RetractedId);
    }
}
