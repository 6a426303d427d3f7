using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>What a room sends, as XML, and a client joined to room@conference.example.com as "bot" over a fake server.</summary>
internal static class MucScript
{
    public const string Room = "room@conference.example.com";
    public const string UserNs = "http://jabber.org/protocol/muc#user";
    public const string MucNs = "http://jabber.org/protocol/muc";

    public static Jid RoomJid => Jid.Parse(Room);

    /// <summary>An occupant's presence from the room.</summary>
    public static string Presence(string nick, string affiliation = "member", string role = "participant", string? jid = null,
        int[]? codes = null, string? type = null, string item = "", string extra = "")
    {
        var typeAttribute = type is null ? string.Empty : $" type='{type}'";
        var jidAttribute = jid is null ? string.Empty : $" jid='{jid}'";
        var status = string.Concat((codes ?? []).Select(code => $"<status code='{code}'/>"));
        return $"<presence from='{Room}/{nick}'{typeAttribute}><x xmlns='{UserNs}'><item affiliation='{affiliation}' role='{role}'{jidAttribute}>{item}</item>{status}</x>{extra}</presence>";
    }

    /// <summary>The client's own presence, with status 110.</summary>
    public static string Self(string nick = "bot", string affiliation = "member", string role = "participant", params int[] codes) =>
        Presence(nick, affiliation, role, "user@example.com/test", [110, .. codes]);

    /// <summary>A groupchat message from an occupant (or the room, with a null nick).</summary>
    public static string Groupchat(string? nick, string body, string id = "m1", string extra = "") =>
        $"<message from='{Room}{(nick is null ? string.Empty : "/" + nick)}' type='groupchat' id='{id}'><body>{body}</body>{extra}</message>";

    /// <summary>A client logged in with <paramref name="set"/>, joining the room as "bot" with the room listing <paramref name="others"/> first.</summary>
    public static async Task<(MessagingHarness Harness, MucRoom Room)> JoinedAsync(XmppExtensionSet? set = null, TimeProvider? clock = null,
        MucJoinOptions? options = null, Func<FakeServer, Task>? afterLogin = null, ListLoggerFactory? logs = null, params string[] others)
    {
        var harness = await MessagingHarness.ConnectAsync(set ?? OnlyExtensions.Muc, afterLogin, clock, logs: logs);
        var room = harness.Client.Muc.GetRoom(RoomJid);
        var joining = room.JoinAsync("bot", options);
        await harness.ExpectAsync("presence");
        foreach (var other in others)
        {
            await harness.SendAsync(Presence(other));
        }

        await harness.SendAsync(Self());
        await joining.WaitAsync(TimeSpan.FromSeconds(30));
        return (harness, room);
    }

    /// <summary>Answers the account disco#info query the stanza-ids extension sends after binding (XEP-0359 support).</summary>
    public static async Task AnswerStanzaIdQueryAsync(FakeServer server)
    {
        var query = await server.ExpectAsync("iq");
        await server.SendAsync($"<iq type='result' id='{query.GetAttribute("id")}' from='user@example.com'><query xmlns='http://jabber.org/protocol/disco#info'><feature var='urn:xmpp:sid:0'/></query></iq>");
    }

    /// <summary>The muc#user child of a stanza the client sent.</summary>
    public static XmppElement? UserX(XmppElement stanza) => stanza.Element("x", UserNs);
}
