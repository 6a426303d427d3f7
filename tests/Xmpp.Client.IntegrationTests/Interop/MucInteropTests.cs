using System.Text.Json;
using System.Xml.Linq;
using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Interop;

/// <summary>
/// The multi-user chat (XEP-0045) test infrastructure on both servers, without the client's MUC extension: the
/// services (PROSODY_MUC, EJABBERD_MUC) are discoverable, and slixmpp occupants (tests/interop/slix_occupant.py)
/// create rooms, talk in them and reach an XmppClient that joins with raw stanzas.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MucInteropTests(ServersFixture fixture)
{
    private static readonly XNamespace DiscoInfo = "http://jabber.org/protocol/disco#info";
    private static readonly XNamespace DiscoItems = "http://jabber.org/protocol/disco#items";
    private static readonly XNamespace Muc = "http://jabber.org/protocol/muc";
    private static readonly XNamespace MucUser = "http://jabber.org/protocol/muc#user";
    private static readonly TimeSpan StanzaTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task The_MUC_service_is_listed_in_the_domain_disco_items_with_the_conference_identity_and_the_muc_feature(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        Assert.Equal($"conference.{server.Domain}", server.MucService);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));

        var items = await client.SendIqAsync(new Iq(IqType.Get, new XElement(DiscoItems + "query")) { To = Jid.Parse(server.Domain) });
        Assert.Contains(items.Payload!.Elements(DiscoItems + "item"), i => (string?)i.Attribute("jid") == server.MucService);

        var info = await client.SendIqAsync(new Iq(IqType.Get, new XElement(DiscoInfo + "query")) { To = Jid.Parse(server.MucService) });
        var query = info.Payload!;
        Assert.Contains(query.Elements(DiscoInfo + "identity"), i => (string?)i.Attribute("category") == "conference" && (string?)i.Attribute("type") == "text");
        Assert.Contains(query.Elements(DiscoInfo + "feature"), f => (string?)f.Attribute("var") == Muc.NamespaceName);
        Assert.Contains(query.Elements(DiscoInfo + "feature"), f => (string?)f.Attribute("var") == "urn:xmpp:mam:2");
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Two_slixmpp_occupants_of_a_new_room_exchange_groupchat_and_private_messages(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"interop-{Guid.NewGuid():N}");
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        var created = alice.Events("joined").Single();
        Assert.True(SlixOccupant.Flag(created, "created"), alice.Process.Describe());
        Assert.Contains(201, SlixOccupant.Codes(created));
        Assert.Contains(110, SlixOccupant.Codes(created));

        await using var bob = await SlixOccupant.JoinAsync(fixture.Servers, server, "bob", room, "Bob");
        Assert.False(SlixOccupant.Flag(bob.Events("joined").Single(), "created"));
        await bob.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Alice" && SlixOccupant.Field(p, "type") == "available");
        await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Bob" && SlixOccupant.Field(p, "type") == "available");

        var body = $"to the room {Guid.NewGuid():N} <&'\"> é ✓";
        await alice.SayAsync(body, id: "groupchat-1", originId: "origin-1");
        var seen = await bob.WaitForEventAsync("groupchat", m => SlixOccupant.Field(m, "body") == body);
        Assert.Equal("Alice", SlixOccupant.Field(seen, "nick"));
        Assert.False(SlixOccupant.Flag(seen, "own"));
        Assert.False(SlixOccupant.Flag(seen, "delayed"));
        var reflected = await alice.WaitForEventAsync("groupchat", m => SlixOccupant.Field(m, "body") == body);
        Assert.True(SlixOccupant.Flag(reflected, "own"));
        // Both servers keep the sender's id and origin-id and add the room's stanza-id (XEP-0359), the same for all.
        foreach (var copy in (JsonElement[])[seen, reflected])
        {
            Assert.Equal("groupchat-1", SlixOccupant.Field(copy, "id"));
            Assert.Equal("origin-1", SlixOccupant.Field(copy, "origin_id"));
        }

        Assert.NotNull(SlixOccupant.Field(seen, "stanza_id"));
        Assert.Equal(SlixOccupant.Field(seen, "stanza_id"), SlixOccupant.Field(reflected, "stanza_id"));

        var secret = $"just for Bob {Guid.NewGuid():N}";
        await alice.SendPrivateAsync("Bob", secret);
        var whisper = await bob.WaitForEventAsync("private", m => SlixOccupant.Field(m, "body") == secret);
        Assert.Equal("Alice", SlixOccupant.Field(whisper, "nick"));

        Assert.True(await bob.LeaveAsync() == 0, bob.Process.Describe());
        var gone = await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Bob" && SlixOccupant.Field(p, "type") == "unavailable");
        Assert.DoesNotContain(110, SlixOccupant.Codes(gone));
        Assert.Contains(bob.Events("presence"), p => SlixOccupant.Flag(p, "own") && SlixOccupant.Field(p, "type") == "unavailable");
        Assert.True(await alice.LeaveAsync() == 0, alice.Process.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_later_occupant_gets_the_room_history_delayed_before_the_join_ends(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"history-{Guid.NewGuid():N}");
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        var body = $"before Bob came {Guid.NewGuid():N}";
        await alice.SayAsync(body);
        await alice.WaitForEventAsync("groupchat", m => SlixOccupant.Field(m, "body") == body);

        await using var bob = await SlixOccupant.JoinAsync(fixture.Servers, server, "bob", room, "Bob");
        // "joined" comes after the subject, the end of the join: the history is already there.
        var history = Assert.Single(bob.Events("groupchat"));
        Assert.Equal(body, SlixOccupant.Field(history, "body"));
        Assert.Equal("Alice", SlixOccupant.Field(history, "nick"));
        Assert.True(SlixOccupant.Flag(history, "delayed"), bob.Process.Describe());
    }

    [Theory]
    [InlineData("prosody", true)]
    [InlineData("ejabberd", false)]
    public async Task Prosody_keeps_a_new_room_locked_until_its_owner_configures_it_and_ejabberd_does_not(string serverName, bool locks)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"locked-{Guid.NewGuid():N}");
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice", ["--no-create-instant"]);
        Assert.True(SlixOccupant.Flag(alice.Events("joined").Single(), "created"));

        await using var bob = SlixOccupant.Start(fixture.Servers, server, "bob", room, "Bob");
        if (locks)
        {
            // XEP-0045 §10.1.1: until then, the room does not exist for anyone else.
            var refused = await bob.WaitForEventAsync("error", _ => true, SlixOccupant.JoinTimeout);
            Assert.Equal("item-not-found", SlixOccupant.Field(refused, "condition"));
            Assert.Equal(1, await bob.Process.WaitForExitAsync(SlixOccupant.EventTimeout));
        }
        else
        {
            await bob.WaitForEventAsync("joined", _ => true, SlixOccupant.JoinTimeout);
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task An_XmppClient_joining_with_raw_stanzas_gets_a_slixmpp_occupants_message_and_an_answer_to_its_self_ping(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var room = server.Room($"raw-{Guid.NewGuid():N}");
        await using var alice = await SlixOccupant.JoinAsync(fixture.Servers, server, "alice", room, "Alice");
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        var presences = new EventWaiter<Presence>();
        var messages = new EventWaiter<Message>();
        client.PresenceReceived += presences.Handler;
        client.MessageReceived += messages.Handler;

        var occupantJid = Jid.Parse($"{room}/Carol");
        var join = new Presence { To = occupantJid };
        join.AddPayload(Muc + "x");
        await client.SendAsync(join);
        var self = await presences.NextAsync(p => p.From == occupantJid && StatusCodes(p).Contains("110"), StanzaTimeout, "the room's self-presence");
        Assert.Equal(PresenceType.Available, self.Type);
        await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Carol" && SlixOccupant.Field(p, "type") == "available");

        var body = $"to an XmppClient {Guid.NewGuid():N}";
        await alice.SayAsync(body);
        var message = await messages.NextAsync(m => m.Body == body, StanzaTimeout, "the groupchat message");
        Assert.Equal(MessageType.Groupchat, message.Type);
        Assert.Equal(Jid.Parse($"{room}/Alice"), message.From);

        // XEP-0410: the room answers a ping to one's own occupant JID (both servers, though only Prosody advertises it).
        var pong = await client.SendIqAsync(new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping"))) { To = occupantJid });
        Assert.Equal(IqType.Result, pong.Type);

        await client.SendAsync(new Presence(PresenceType.Unavailable) { To = occupantJid });
        await alice.WaitForEventAsync("presence", p => SlixOccupant.Field(p, "nick") == "Carol" && SlixOccupant.Field(p, "type") == "unavailable");
    }

    private static IEnumerable<string?> StatusCodes(Presence presence) =>
        presence.GetPayload(MucUser + "x")?.Elements(MucUser + "status").Select(s => (string?)s.Attribute("code")) ?? [];
}
