using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Delivery receipts (XEP-0184) between alice and bob, both running this client, on Prosody and ejabberd.</summary>
[Collection(ServersCollection.Name)]
public sealed class ReceiptsTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Bobs_client_answers_the_receipt_request_of_alices_message(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        var bobsInbox = new MessageInbox(bob);

        // A full JID gets a request once its client is known to support receipts (XEP-0184 §5): bob's directed
        // presence carries his entity capabilities, which alice verifies.
        await bob.SendAsync(new Presence { To = alice.BoundJid });
        var bobsCaps = await WaitForCapabilitiesAsync(alice, bob.BoundJid!.Value);
        Assert.True(bobsCaps.HasFeature("urn:xmpp:receipts"));
        var body = $"receipt please {Guid.NewGuid():N}";
        var message = new Message(bob.BoundJid!.Value, body);
        var id = await alice.SendAsync(message);

        var acknowledgedBy = await alice.Receipts.WaitForReceiptAsync(id, Wait);
        Assert.Equal(bob.BoundJid, acknowledgedBy);
        var atBob = await bobsInbox.WaitForBodyAsync(body, Wait);
        Assert.True(atBob.HasPayload(System.Xml.Linq.XName.Get("request", "urn:xmpp:receipts")));
        Assert.Equal(id, atBob.Id);
    }

    private static async Task<Xmpp.Client.Extensions.Disco.DiscoInfo> WaitForCapabilitiesAsync(XmppClient client, Jid of)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            if (await client.Disco.GetCapabilitiesAsync(of, timeout.Token) is { } info)
            {
                return info;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
