using System.Xml.Linq;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests;

/// <summary>SendIqAsync and message routing against real Prosody and ejabberd: results, errors and what the servers answer.</summary>
[Collection(ServersCollection.Name)]
public sealed class IqTests(ServersFixture fixture)
{
    private static readonly XNamespace Ping = "urn:xmpp:ping";
    private static readonly XNamespace DiscoInfo = "http://jabber.org/protocol/disco#info";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Ping_to_the_server_domain_returns_a_result(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        var result = await client.SendIqAsync(PingTo(Jid.Parse(server.Domain)));
        Assert.Equal(IqType.Result, result.Type);
        Assert.Equal(Jid.Parse(server.Domain), result.From);
        Assert.Null(result.Payload);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Disco_info_of_the_server_lists_the_server_identity_and_the_ping_feature(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        var result = await client.SendIqAsync(new Iq(IqType.Get, new XElement(DiscoInfo + "query")) { To = Jid.Parse(server.Domain) });
        var query = result.Payload;
        Assert.NotNull(query);
        Assert.Equal(DiscoInfo + "query", query.Name);
        Assert.Contains(query.Elements(DiscoInfo + "identity"), i => (string?)i.Attribute("category") == "server" && (string?)i.Attribute("type") == "im");
        Assert.Contains(query.Elements(DiscoInfo + "feature"), f => (string?)f.Attribute("var") == "urn:xmpp:ping");
        Assert.Contains(query.Elements(DiscoInfo + "feature"), f => (string?)f.Attribute("var") == DiscoInfo.NamespaceName);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_query_to_a_nonexistent_account_fails_with_service_unavailable(string serverName)
    {
        // RFC 6121 §8.5.1: an IQ to an account that does not exist gets <service-unavailable/>, the same answer as
        // for an unsupported query, so that the error does not reveal whether the account exists.
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        var nobody = Jid.Parse($"nobody@{server.Domain}");
        var error = await Assert.ThrowsAsync<XmppIqErrorException>(
            () => client.SendIqAsync(new Iq(IqType.Get, new XElement(XName.Get("query", "urn:example:unsupported"))) { To = nobody }));
        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
        Assert.Equal(StanzaErrorType.Cancel, error.Error.Type);
        Assert.Equal(nobody, error.Request.To);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Ping_to_a_full_jid_of_a_nonexistent_account_fails_with_service_unavailable(string serverName)
    {
        // RFC 6121 §8.5.1 (no such user; for an existing account without that resource §8.5.3.2.3 says the same):
        // an IQ gets <service-unavailable/>.
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => client.SendIqAsync(PingTo(Jid.Parse($"nobody@{server.Domain}/phone"))));
        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
        Assert.Equal(StanzaErrorType.Cancel, error.Error.Type);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Ping_to_the_bare_jid_of_a_nonexistent_account_is_answered_by_the_server_for_the_account(string serverName)
    {
        // RFC 6121 §8.5.1 asks for <service-unavailable/> here, but both servers answer a ping to a bare JID on the
        // account's behalf without checking that the account exists (Prosody 0.12, ejabberd 23.01). The reply comes
        // from the JID asked, so SendIqAsync accepts it.
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        var nobody = Jid.Parse($"nobody@{server.Domain}");
        var result = await client.SendIqAsync(PingTo(nobody));
        Assert.Equal(IqType.Result, result.Type);
        Assert.Equal(nobody, result.From);
    }

    [Theory]
    [InlineData("ejabberd", StanzaErrorCondition.RemoteServerNotFound)]
    // The test Prosody has no s2s module (tests/servers/prosody.sh), so it refuses remote domains by policy:
    // <not-allowed/> "Communication with remote domains is not enabled". With s2s it would try the domain and answer
    // <remote-server-not-found/>, as RFC 6120 §10.4.3 requires when the remote domain cannot be resolved; ejabberd
    // does (its text: "DNS lookup failed").
    [InlineData("prosody", StanzaErrorCondition.NotAllowed)]
    public async Task Ping_to_a_nonexistent_domain_fails_with_the_servers_routing_error(string serverName, StanzaErrorCondition expected)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server));
        // ejabberd asks DNS for the domain first: allow for a slow resolver.
        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => client.SendIqAsync(PingTo(Jid.Parse("nowhere.invalid")), TimeSpan.FromSeconds(45)));
        Assert.Equal(expected, error.Error.Condition);
        Assert.Equal(StanzaErrorType.Cancel, error.Error.Type);
    }

    [Theory]
    [InlineData("prosody", "alice")]
    [InlineData("prosody", "bob")]
    [InlineData("ejabberd", "alice")]
    [InlineData("ejabberd", "bob")]
    public async Task A_message_to_another_clients_full_jid_arrives_with_its_body_and_sender(string serverName, string receiverUser)
    {
        var server = fixture.Servers.Named(serverName);
        await using var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice", resource: "sender"));
        await using var receiver = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, receiverUser, resource: "receiver"));
        var body = $"to a full JID {Guid.NewGuid():N} <&'\"> é ✓";
        var received = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.MessageReceived += message =>
        {
            if (message.Body == body)
            {
                received.TrySetResult(message);
            }

            return Task.CompletedTask;
        };
        await receiver.SendAsync(new Presence());

        var to = receiver.BoundJid!.Value;
        await sender.SendAsync(new Message(to, body));
        var message = await received.Task.WaitAsync(DeliveryTimeout);

        Assert.Equal(sender.BoundJid, message.From);
        Assert.Equal(to, message.To);
        Assert.Equal(MessageType.Chat, message.Type);
        Assert.Equal(body, message.Body);
    }

    private static Iq PingTo(Jid to) => new(IqType.Get, new XElement(Ping + "ping")) { To = to };
}
