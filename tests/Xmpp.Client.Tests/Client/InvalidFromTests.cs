using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Extensions;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

/// <summary>
/// A 'from' that is not a JID is not the same as no 'from' (which means the account's own server): such stanzas are
/// dropped before anything trusts them, and logged.
/// </summary>
public class InvalidFromTests
{
    private const string Invalid = "@@invalid";
    private const string Ping = "<iq type='get' id='ping' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>";

    [Theory]
    [InlineData(null)]
    [InlineData("example.com")]
    [InlineData("user@example.com")]
    public async Task An_iq_reply_with_an_invalid_from_never_completes_a_request_to_the_server_or_account(string? to)
    {
        var logs = new ListLoggerFactory();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            var id = request.GetAttribute("id");
            await server.SendAsync($"<iq type='result' id='{id}' from='{Invalid}'><forged xmlns='urn:test'/></iq>");
            await server.SendAsync($"<iq type='result' id='{id}' from='' ><forged xmlns='urn:test'/></iq>");
            await server.SendAsync($"<iq type='result' id='{id}'><real xmlns='urn:test'/></iq>");
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            var reply = await client.SendIqAsync(TestClients.Ping(to));

            Assert.Equal(XName.Get("real", "urn:test"), reply.PayloadName);
            Assert.Equal(2, logs.Messages.Count(message => message.Contains("not a valid JID", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Messages_and_presences_with_an_invalid_from_never_reach_the_application()
    {
        var logs = new ListLoggerFactory();
        var messages = new List<Message>();
        var presences = new List<Presence>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync($"<presence from='{Invalid}'/>");
            await server.SendAsync($"<message from='{Invalid}'><body>forged</body></message>");
            await server.SendAsync("<presence from='juliet@example.com/balcony'/>");
            await server.SendAsync("<message from='juliet@example.com/balcony'><body>real</body></message>");
            await server.UntilClientClosesAsync();
        }, logs: logs);
        client.PresenceReceived += presence =>
        {
            presences.Add(presence);
            return Task.CompletedTask;
        };
        client.MessageReceived += message =>
        {
            messages.Add(message);
            if (message.Body == "real")
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await using (client)
        {
            await client.ConnectAsync();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal("real", Assert.Single(messages).Body);
            Assert.Equal(Jid.Parse("juliet@example.com/balcony"), Assert.Single(presences).From);
            Assert.Contains(logs.Messages, message => message.Contains("<message/>", StringComparison.Ordinal) && message.Contains(Invalid, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_roster_push_with_an_invalid_from_is_neither_applied_nor_answered()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Roster);
        var changes = 0;
        live.Client.Roster.RosterChanged += _ =>
        {
            changes++;
            return Task.CompletedTask;
        };

        await live.Server.SendAsync($"<iq type='set' id='forged' from='{Invalid}'><query xmlns='jabber:iq:roster'><item jid='romeo@example.net'/></query></iq>");
        var answer = await live.SendAndReadAsync(Ping);

        Assert.Equal("ping", answer.GetAttribute("id"));
        Assert.Empty(live.Client.Roster.Items);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task A_block_list_push_with_an_invalid_from_is_neither_applied_nor_answered()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Blocking);
        await live.SendAndReadAsync("<iq type='set' id='b0'><block xmlns='urn:xmpp:blocking'><item jid='iago@shakespeare.lit'/></block></iq>");

        await live.Server.SendAsync($"<iq type='set' id='forged' from='{Invalid}'><unblock xmlns='urn:xmpp:blocking'/></iq>");
        var answer = await live.SendAndReadAsync(Ping);

        Assert.Equal("ping", answer.GetAttribute("id"));
        Assert.Equal([Jid.Parse("iago@shakespeare.lit")], live.Client.Blocking.Blocked);
    }
}
