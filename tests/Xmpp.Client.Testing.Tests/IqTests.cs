using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing.Tests;

public class IqTests
{
    private static readonly XNamespace Custom = "urn:example:weather";

    [Fact]
    public async Task An_iq_to_an_offline_resource_is_answered_service_unavailable()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var alice = await server.ConnectPeerAsync("alice");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() =>
            alice.SendIqAsync(new Iq(IqType.Get, new XElement(Custom + "query")) { To = Jid.Parse("bot@example.com/gone") }));

        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
    }

    [Fact]
    public async Task An_iq_the_server_does_not_know_is_answered_service_unavailable()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() =>
            alice.SendIqAsync(new Iq(IqType.Get, new XElement(Custom + "query")) { To = Jid.Parse("example.com") }));

        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
    }

    [Fact]
    public async Task The_server_answers_disco_info_with_its_identity()
    {
        await using var server = new InMemoryXmppServer();
        await using var alice = await server.ConnectPeerAsync("alice");

        var info = await alice.Client.Disco.GetInfoAsync(Jid.Parse("example.com"));

        Assert.Contains(info.Identities, identity => identity.Category == "server" && identity.Type == "im");
    }

    [Fact]
    public async Task A_bot_answers_a_peer_request_with_its_iq_handler()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        bot.IqReceived += async args =>
        {
            if (args.Request.HasPayload(Custom + "query"))
            {
                args.Handled = true;
                await bot.SendAsync(args.Request.CreateResult(new XElement(Custom + "query", new XElement(Custom + "sky", "clear"))));
            }
        };
        await bot.ConnectAsync();
        await using var alice = await server.ConnectPeerAsync("alice");

        var result = await alice.SendIqAsync(new Iq(IqType.Get, new XElement(Custom + "query")) { To = bot.BoundJid });

        Assert.Equal("clear", result.GetPayload(Custom + "query")?.Element(Custom + "sky")?.Value);
    }

    [Fact]
    public async Task A_peer_answers_a_bot_request_taken_from_its_queue()
    {
        await using var server = new InMemoryXmppServer();
        server.AddAccount("bot", "pw");
        await using var bot = server.CreateClient("bot");
        await bot.ConnectAsync();
        await using var alice = await server.ConnectPeerAsync("alice");

        var asking = bot.SendIqAsync(new Iq(IqType.Get, new XElement(Custom + "query")) { To = alice.Jid });
        var request = await alice.NextIqAsync();
        await alice.SendAsync(request.CreateResult(new XElement(Custom + "query", "rain")));

        Assert.Equal(bot.BoundJid, request.From);
        Assert.Equal("rain", (await asking).GetPayload(Custom + "query")?.Value);
    }
}
