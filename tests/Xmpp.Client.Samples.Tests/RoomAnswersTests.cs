using System.Xml.Linq;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Testing;

namespace Xmpp.Client.Samples.Tests;

/// <summary>
/// samples/RoomBot/RoomAnswers.cs. The in-memory server has no multi-user chat service, so the room is played by
/// peers of the account <c>room@example.com</c>: the peer with the resource "RoomBot" is the bot's own seat (it lets
/// the bot in), the one with the resource "alice" is alice in the room (room@example.com/alice).
/// </summary>
public sealed class RoomAnswersTests : IAsyncLifetime
{
    private const string Nick = "RoomBot";
    private static readonly XNamespace MucUser = "http://jabber.org/protocol/muc#user";
    private readonly InMemoryXmppServer _server = new();
    private XmppClient _bot = null!;
    private XmppTestPeer _seat = null!;
    private XmppTestPeer _alice = null!;

    private Jid RoomJid => Jid.Parse($"room@{_server.Domain}");

    [Theory]
    [InlineData("RoomBot: hello", "alice: hello")]
    [InlineData("RoomBot, how are you?", "alice: how are you?")]
    [InlineData("RoomBot: ", "alice: ")]
    [InlineData("RoomBot hello", null)]
    [InlineData("RoomBotter: hello", null)]
    [InlineData("hello RoomBot: hi", null)]
    [InlineData("roombot: hello", null)]
    public void Only_a_line_addressed_to_the_bot_gets_an_answer(string line, string? answer) =>
        Assert.Equal(answer, RoomAnswers.Answer(Nick, "alice", line));

    public async Task InitializeAsync()
    {
        _server.AddAccount("bot", "bot-pass");
        _bot = _server.CreateClient("bot");
        await _bot.ConnectAsync();
        _seat = await _server.ConnectPeerAsync("room", o => o with { Jid = o.Jid.WithResource(Nick) });
        _alice = await _server.ConnectPeerAsync("room", o => o with { Jid = o.Jid.WithResource("alice") });

        var room = _bot.Muc.GetRoom(RoomJid);
        RoomAnswers.Attach(room);
        var joining = room.JoinAsync(Nick, new MucJoinOptions { History = MucHistory.None });
        var join = await NextPresenceFromAsync(_seat, _bot.BoundJid!.Value);
        Assert.Equal(_seat.Jid, join.To);
        await _seat.SendPresenceAsync(Occupant(_bot.BoundJid!.Value, "110")); // 110: this presence is the bot's own
        await joining;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task It_answers_a_line_addressed_to_it_in_the_room()
    {
        await _alice.SendAsync(Line("RoomBot: hello"));
        await PrivateRoundTripAsync(); // the bot handles stanzas in order: the line was handled before this

        var answer = Assert.Single(GroupchatSentByBot());
        Assert.Equal(RoomJid, Jid.Parse((string)answer.Attribute("to")!));
        Assert.Equal("alice: hello", answer.Element(answer.Name.Namespace + "body")?.Value);
    }

    [Fact]
    public async Task It_does_not_answer_other_lines_the_history_or_its_own_lines()
    {
        await _alice.SendAsync(Line("hello everyone"));
        var history = Line("RoomBot: what did I miss?");
        history.AddPayload(new XElement(XName.Get("delay", "urn:xmpp:delay"),
            new XAttribute("from", RoomJid.ToString()), new XAttribute("stamp", "2020-01-01T00:00:00Z")));
        await _alice.SendAsync(history);
        await _alice.SendAsync(Line("RoomBot: hello"));
        await PrivateRoundTripAsync();
        var answer = Assert.Single(GroupchatSentByBot());

        // The room sends each line to every occupant, the bot's own too: recognised by its id, never answered.
        var own = Line("RoomBot: hello");
        own.Id = (string)answer.Attribute("id")!;
        await _seat.SendAsync(own);
        await PrivateRoundTripAsync();

        Assert.Single(GroupchatSentByBot());
    }

    [Fact]
    public async Task It_echoes_a_private_message()
    {
        await _alice.SendAsync(PrivateMessage("psst"));

        var echo = await _alice.NextMessageAsync();
        Assert.Equal("psst", echo.Body);
        Assert.Equal(_bot.BoundJid, echo.From);
    }

    private async Task PrivateRoundTripAsync()
    {
        await _alice.SendAsync(PrivateMessage("barrier"));
        Assert.Equal("barrier", (await _alice.NextMessageAsync()).Body);
    }

    private IEnumerable<XElement> GroupchatSentByBot() =>
        _server.SentBy("bot").Where(s => s.Name.LocalName == "message" && (string?)s.Attribute("type") == "groupchat");

    private Message Line(string body) => new() { To = _bot.BoundJid, Type = MessageType.Groupchat, Body = body };

    private Message PrivateMessage(string body)
    {
        var message = new Message { To = _bot.BoundJid, Type = MessageType.Chat, Body = body };
        message.AddPayload(new XElement(MucUser + "x"));
        return message;
    }

    private static Presence Occupant(Jid to, params string[] statusCodes)
    {
        var presence = new Presence { To = to };
        presence.AddPayload(new XElement(MucUser + "x",
            new XElement(MucUser + "item", new XAttribute("affiliation", "none"), new XAttribute("role", "participant")),
            statusCodes.Select(code => new XElement(MucUser + "status", new XAttribute("code", code)))));
        return presence;
    }

    // The seat also gets the presence of the account's other peers: the one wanted is the bot's.
    private static async Task<Presence> NextPresenceFromAsync(XmppTestPeer peer, Jid from)
    {
        while (true)
        {
            var presence = await peer.NextPresenceAsync();
            if (presence.From == from)
            {
                return presence;
            }
        }
    }
}
