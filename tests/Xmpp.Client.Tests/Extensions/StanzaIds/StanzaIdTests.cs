using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.StanzaIds;

public class StanzaIdTests
{
    private const string Ns = "urn:xmpp:sid:0";
    private const string DiscoInfo = "http://jabber.org/protocol/disco#info";

    [Fact]
    public async Task Login_asks_the_account_bare_JID_for_its_features_and_trusts_the_server_stanza_id()
    {
        string? askedTo = null;
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, async server =>
        {
            var query = await server.ExpectAsync("iq");
            askedTo = query.GetAttribute("to");
            Assert.Equal("get", query.GetAttribute("type"));
            Assert.NotNull(query.Element("query", DiscoInfo));
            await AnswerFeaturesAsync(server, query, Ns, "urn:xmpp:mam:2");
        });
        Assert.Equal(MessagingHarness.Account, askedTo);
        Assert.True(harness.Client.StanzaIds.ServerSupportsStanzaIds);
        var message = await ReceiveAsync(harness, $"""
            <message from='juliet@example.com/b' id='m1' type='chat'><body>hi</body>
              <stanza-id xmlns='{Ns}' id='forged-by-room' by='room@muc.example.com'/>
              <stanza-id xmlns='{Ns}' id='archive-42' by='{MessagingHarness.Account}'/>
              <origin-id xmlns='{Ns}' id='juliet-1'/>
            </message>
            """);
        Assert.Equal("archive-42", harness.Client.StanzaIds.GetStanzaId(message));
        Assert.Equal("juliet-1", message.GetOriginId());
    }

    [Theory]
    [InlineData("juliet@example.com")]
    [InlineData(MessagingHarness.Account + "/test")]
    [InlineData("example.com")]
    [InlineData("room@muc.example.com")]
    public async Task Stanza_id_stamped_by_anyone_but_the_account_bare_JID_is_ignored(string by)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, server => AnswerQueryAsync(server, Ns));
        var message = await ReceiveAsync(harness, $"<message from='juliet@example.com/b' id='m1'><body>hi</body><stanza-id xmlns='{Ns}' id='a' by='{by}'/></message>");
        Assert.Null(harness.Client.StanzaIds.GetStanzaId(message));
    }

    [Fact]
    public async Task Two_stanza_ids_claiming_the_account_are_both_ignored_and_by_is_compared_normalised()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, server => AnswerQueryAsync(server, Ns));
        var doubled = await ReceiveAsync(harness, $"""
            <message from='juliet@example.com/b' id='m2'><body>hi</body>
              <stanza-id xmlns='{Ns}' id='mine?' by='{MessagingHarness.Account}'/>
              <stanza-id xmlns='{Ns}' id='or-mine?' by='USER@example.com'/>
            </message>
            """);
        Assert.Null(harness.Client.StanzaIds.GetStanzaId(doubled));
        var upperCase = await ReceiveAsync(harness, $"<message from='juliet@example.com/b' id='m3'><stanza-id xmlns='{Ns}' id='x1' by='USER@EXAMPLE.COM'/></message>");
        Assert.Equal("x1", harness.Client.StanzaIds.GetStanzaId(upperCase));
    }

    [Fact]
    public async Task Stanza_id_is_not_trusted_when_the_server_does_not_announce_the_feature()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, server => AnswerQueryAsync(server, "urn:xmpp:mam:2"));
        Assert.False(harness.Client.StanzaIds.ServerSupportsStanzaIds);
        var message = await ReceiveAsync(harness, $"<message from='juliet@example.com/b' id='m1'><body>hi</body><stanza-id xmlns='{Ns}' id='forged' by='{MessagingHarness.Account}'/></message>");
        Assert.Null(harness.Client.StanzaIds.GetStanzaId(message));
    }

    [Fact]
    public async Task An_error_answer_to_the_feature_query_means_unsupported_and_the_login_still_succeeds()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, async server =>
        {
            var query = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{query.GetAttribute("id")}' from='{MessagingHarness.Account}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        });
        Assert.Equal(XmppClientState.Connected, harness.Client.State);
        Assert.False(harness.Client.StanzaIds.ServerSupportsStanzaIds);
    }

    [Fact]
    public async Task Every_outgoing_message_but_errors_gets_an_origin_id_equal_to_its_id_unless_it_has_one()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.StanzaIds, server => AnswerQueryAsync(server, Ns));
        var juliet = Jid.Parse("juliet@example.com");
        var plain = new Message(juliet, "hi");
        var id = await harness.Client.SendAsync(plain);
        var sent = await harness.ExpectAsync();
        Assert.Equal(id, sent.Element("origin-id", Ns)?.GetAttribute("id"));
        Assert.Null(plain.GetOriginId()); // added to what was sent, not to the caller's message

        var bodyless = new Message { To = juliet, Id = "given-id" };
        await harness.Client.SendAsync(bodyless);
        Assert.Equal("given-id", (await harness.ExpectAsync()).Element("origin-id", Ns)?.GetAttribute("id"));

        var own = new Message(juliet, "mine");
        own.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("origin-id", Ns), new System.Xml.Linq.XAttribute("id", "chosen")));
        await harness.Client.SendAsync(own);
        Assert.Equal(["chosen"], (await harness.ExpectAsync()).Elements("origin-id", Ns).Select(e => e.GetAttribute("id")));

        await harness.Client.SendAsync(new Message(juliet, null, MessageType.Error));
        Assert.Null((await harness.ExpectAsync()).Element("origin-id", Ns));
        await harness.Client.SendAsync(new Presence());
        Assert.Null((await harness.ExpectAsync("presence")).Element("origin-id", Ns));
    }

    private static async Task AnswerQueryAsync(FakeServer server, params string[] features) =>
        await AnswerFeaturesAsync(server, await server.ExpectAsync("iq"), features);

    private static Task AnswerFeaturesAsync(FakeServer server, XmppElement query, params string[] features) =>
        server.SendAsync($"<iq type='result' id='{query.GetAttribute("id")}' from='{MessagingHarness.Account}'><query xmlns='{DiscoInfo}'>" +
                         "<identity category='account' type='registered'/>" +
                         string.Concat(features.Select(feature => $"<feature var='{feature}'/>")) + "</query></iq>");

    private static async Task<Message> ReceiveAsync(MessagingHarness harness, string xml)
    {
        var received = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Handler(Message message)
        {
            received.TrySetResult(message);
            return Task.CompletedTask;
        }

        harness.Client.MessageReceived += Handler;
        try
        {
            await harness.SendAsync(xml);
            return await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            harness.Client.MessageReceived -= Handler;
        }
    }
}
