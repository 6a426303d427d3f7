using Xmpp.Client.Extensions.Delay;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Offline storage on Prosody and ejabberd: the stored message arrives with a <c>&lt;delay/&gt;</c> (XEP-0203).</summary>
[Collection(ServersCollection.Name)]
public sealed class DelayTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Message_stored_while_bob_is_offline_arrives_with_a_past_stamp_and_is_acknowledged_then(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        var bobsBareJid = Jid.Parse(server.Account("bob").Jid);
        var body = $"while you were away {Guid.NewGuid():N}";
        var message = new Message(bobsBareJid, body);
        var sentAt = DateTimeOffset.UtcNow;
        var id = await alice.SendAsync(message);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // so that the stored stamp is measurably in the past

        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var inbox = new MessageInbox(bob);
        await bob.SendAsync(new Presence()); // offline messages are delivered after the initial presence
        var stored = await inbox.WaitForBodyAsync(body, Wait);
        var receivedAt = DateTimeOffset.UtcNow;

        var delay = stored.GetDelay();
        Assert.NotNull(delay);
        Assert.InRange(delay.Stamp, sentAt.AddSeconds(-2), receivedAt.AddSeconds(-1));
        Assert.Equal(alice.BoundJid!.Value.Bare, stored.From!.Value.Bare);
        Assert.Equal(bob.BoundJid!.Value, await alice.Receipts.WaitForReceiptAsync(id, Wait));
    }
}
