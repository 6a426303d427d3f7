using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Carbons;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Message carbons (XEP-0280) between two resources of alice, with bob as the contact, on Prosody and ejabberd.</summary>
[Collection(ServersCollection.Name)]
public sealed class CarbonsTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private XmppClientOptions Alice(XmppTestServer server, string resource) =>
        ClientFactory.Options(fixture.Servers, server, "alice", resource) with { Extensions = XmppExtensionSet.Default.Add<CarbonsExtension>() };

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_contacts_message_to_one_resource_arrives_at_the_other_as_a_received_carbon(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var phone = await ClientFactory.ConnectedAsync(Alice(server, "phone"));
        await using var laptop = await ClientFactory.ConnectedAsync(Alice(server, "laptop"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        await AvailableAsync(phone, laptop, bob);
        Assert.True(phone.GetExtension<CarbonsExtension>().IsEnabled);
        Assert.True(laptop.GetExtension<CarbonsExtension>().IsEnabled);
        var carbons = new EventWaiter<CarbonEventArgs>();
        laptop.GetExtension<CarbonsExtension>().CarbonReceived += carbons.Handler;
        var laptopInbox = new EventWaiter<Message>();
        laptop.MessageReceived += laptopInbox.Handler;
        var phoneInbox = new MessageInbox(phone);
        var body = $"to your phone {Guid.NewGuid():N}";

        await bob.SendAsync(new Message(phone.BoundJid!.Value, body));

        var carbon = await carbons.NextAsync(args => args.Message.Body == body, Wait, "the received carbon");
        Assert.Equal(CarbonDirection.Received, carbon.Direction);
        Assert.Equal(bob.BoundJid, carbon.Message.From);
        Assert.Equal(phone.BoundJid, carbon.Message.To);
        Assert.Equal(laptop.BoundJid!.Value.Bare, carbon.Carbon.From);
        await phoneInbox.WaitForBodyAsync(body, Wait);
        Assert.DoesNotContain(laptopInbox.All, message => message.Body == body);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task A_message_sent_by_one_resource_arrives_at_the_other_as_a_sent_carbon_unless_it_is_private(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var phone = await ClientFactory.ConnectedAsync(Alice(server, "phone"));
        await using var laptop = await ClientFactory.ConnectedAsync(Alice(server, "laptop"));
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob"));
        await AvailableAsync(phone, laptop, bob);
        var carbons = new EventWaiter<CarbonEventArgs>();
        laptop.GetExtension<CarbonsExtension>().CarbonReceived += carbons.Handler;
        var bobsInbox = new MessageInbox(bob);
        var secret = $"private {Guid.NewGuid():N}";
        var shared = $"shared {Guid.NewGuid():N}";

        await phone.SendAsync(CarbonsExtension.MarkPrivate(new Message(bob.BoundJid!.Value, secret)));
        await phone.SendAsync(new Message(bob.BoundJid!.Value, shared));

        var carbon = await carbons.NextAsync(args => args.Message.Body == shared, Wait, "the sent carbon");
        Assert.Equal(CarbonDirection.Sent, carbon.Direction);
        Assert.Equal(phone.BoundJid, carbon.Message.From);
        Assert.Equal(bob.BoundJid, carbon.Message.To);
        await bobsInbox.WaitForBodyAsync(secret, Wait);   // delivered, just not copied
        Assert.DoesNotContain(carbons.All, args => args.Message.Body == secret);
    }

    /// <summary>ejabberd copies only to (and delivers only for) resources with an available presence.</summary>
    private static async Task AvailableAsync(params XmppClient[] clients)
    {
        foreach (var client in clients)
        {
            await client.SendAsync(new Presence());
            await client.Ping.SendAsync();   // the server handled the presence before what follows
        }
    }
}
