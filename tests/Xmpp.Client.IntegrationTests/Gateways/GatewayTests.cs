using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.Gateways;
using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Gateways;

/// <summary>
/// Gateways (XEP-0100) through real Prosody: the test gateway component (<see cref="TestGatewayComponent"/>) is
/// discovered, translates addresses, takes a registration, logs the user in and out of its legacy network by presence,
/// and its legacy contacts land in the roster, told apart, and talk to the user.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class GatewayTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private XmppTestServer Prosody => fixture.Servers.Prosody;

    private Jid GatewayJid => Jid.Parse(Prosody.Gateway!.Domain);

    [Fact]
    public async Task The_gateway_is_discovered_among_the_servers_items()
    {
        await using var gateway = await TestGatewayComponent.ConnectAsync(Prosody.Gateway!, CancellationToken.None);
        await using var client = await ClientFactory.ConnectedAsync(WithGateways(ClientFactory.Options(fixture.Servers, Prosody, "alice")));

        var found = await client.Gateways().DiscoverAsync().WaitAsync(Wait);

        var irc = Assert.Single(found);
        Assert.Equal(GatewayJid, irc.Jid);
        Assert.Equal(("irc", "Test IRC gateway"), (irc.Type, irc.Name));
        Assert.True(irc.SupportsRegistration);
        Assert.True(irc.SupportsAddressTranslation);
        Assert.True(client.Gateways().TryGetGateway(Jid.Parse($"someone@{Prosody.Gateway!.Domain}"), out _));
        Assert.False(client.Gateways().TryGetGateway(Jid.Parse(Prosody.MucService), out _));
    }

    [Fact]
    public async Task A_legacy_address_is_translated_by_the_gateway()
    {
        await using var gateway = await TestGatewayComponent.ConnectAsync(Prosody.Gateway!, CancellationToken.None);
        await using var client = await ClientFactory.ConnectedAsync(WithGateways(ClientFactory.Options(fixture.Servers, Prosody, "alice")));

        var prompt = await client.Gateways().GetPromptAsync(GatewayJid).WaitAsync(Wait);
        var jid = await client.Gateways().TranslateAsync(GatewayJid, "user@legacy").WaitAsync(Wait);

        Assert.Equal(new GatewayPrompt("Enter the address of the legacy contact (user@legacy).", "Legacy address"), prompt);
        Assert.Equal($"user\\40legacy@{Prosody.Gateway!.Domain}", jid.ToString());
        Assert.Equal("user@legacy", GatewaysExtension.GetLegacyAddress(jid));
    }

    [Fact]
    public async Task A_registered_user_logs_in_and_out_of_the_legacy_network_by_presence()
    {
        await using var gateway = await TestGatewayComponent.ConnectAsync(Prosody.Gateway!, CancellationToken.None);
        await using var client = await NewUserAsync();
        var presence = new EventWaiter<ContactPresenceChangedEventArgs>();
        client.Availability.ContactPresenceChanged += presence.Handler;
        await RegisterAsync(client, gateway);

        await client.Gateways().LogInAsync(GatewayJid, PresenceShow.Chat);
        await presence.NextAsync(change => change.Contact == GatewayJid && change.IsAvailable, Wait, "the gateway's available presence");
        var loggedIn = client.Gateways().IsLoggedIn(GatewayJid);
        await client.Gateways().LogOutAsync(GatewayJid);
        await presence.NextAsync(change => change.Contact == GatewayJid && !change.IsAvailable, Wait, "the gateway's unavailable presence");

        Assert.True(loggedIn);
        Assert.False(client.Gateways().IsLoggedIn(GatewayJid));
    }

    [Fact]
    public async Task A_legacy_contact_is_told_apart_in_the_roster_and_its_messages_arrive()
    {
        await using var gateway = await TestGatewayComponent.ConnectAsync(Prosody.Gateway!, CancellationToken.None);
        await using var client = await NewUserAsync();
        var gateways = client.Gateways();
        await gateways.DiscoverAsync().WaitAsync(Wait);
        await RegisterAsync(client, gateway);
        await gateways.LogInAsync(GatewayJid);
        var approved = new EventWaiter<SubscriptionEventArgs>();
        client.Availability.SubscriptionApproved += approved.Handler;
        var messages = new EventWaiter<Message>();
        client.MessageReceived += messages.Handler;

        var contact = await gateways.TranslateAsync(GatewayJid, "nurse@legacy").WaitAsync(Wait);
        await client.Roster.AddOrUpdateAsync(new RosterItem(contact, "The Nurse"));
        await client.Availability.SubscribeAsync(contact);
        await approved.NextAsync(args => args.Contact == contact, Wait, "the legacy contact's approval");
        await gateway.SendLegacyMessageAsync("nurse@legacy", client.BoundJid!.Value.ToString(), "Hello from the legacy network");
        var fromLegacy = await messages.NextAsync(m => m.From?.Bare == contact, Wait, "the legacy contact's message");
        await client.SendAsync(new Message(contact, "Hi nurse") { Type = MessageType.Chat });
        var echo = await messages.NextAsync(m => m.From?.Bare == contact && m.Body != fromLegacy.Body, Wait, "the legacy contact's answer");

        Assert.True(gateways.IsGatewayContact(contact));
        Assert.False(gateways.IsGatewayContact(Jid.Parse(Prosody.Account("bob").Jid)));
        Assert.False(gateways.IsGatewayContact(GatewayJid));
        var item = Assert.Single(gateways.GetContacts(GatewayJid));
        Assert.Equal((contact, "The Nurse"), (item.Jid, item.Name));
        Assert.Contains(client.Roster.Items.Keys, jid => jid == GatewayJid);
        Assert.Equal("Hello from the legacy network", fromLegacy.Body);
        Assert.Equal("nurse@legacy", GatewaysExtension.GetLegacyAddress(fromLegacy.From!.Value));
        Assert.Equal("echo: Hi nurse", echo.Body);
    }

    [Fact]
    public async Task Registration_puts_the_gateway_in_the_roster_both_ways_and_unregistering_removes_it_and_its_contacts()
    {
        await using var gateway = await TestGatewayComponent.ConnectAsync(Prosody.Gateway!, CancellationToken.None);
        await using var client = await NewUserAsync();
        var roster = new EventWaiter<RosterChangedEventArgs>();
        client.Roster.RosterChanged += roster.Handler;
        await RegisterAsync(client, gateway);
        await roster.NextAsync(change => client.Roster.Items.TryGetValue(GatewayJid, out var item) && item.Subscription == RosterSubscription.Both,
            Wait, "the gateway in the roster with a subscription both ways");
        var again = await client.Gateways().GetRegistrationFormAsync(GatewayJid).WaitAsync(Wait);
        var contact = await client.Gateways().TranslateAsync(GatewayJid, "friar@legacy").WaitAsync(Wait);
        await client.Roster.AddOrUpdateAsync(new RosterItem(contact));

        var removed = await client.Gateways().UnregisterAsync(GatewayJid).WaitAsync(Wait);
        var items = await client.Roster.GetAsync();

        Assert.True(again.IsRegistered);
        Assert.Equal("romeo", again.GetValue("username"));
        Assert.Equal(2, removed);
        Assert.DoesNotContain(items, item => item.Jid.Domain == GatewayJid.Domain);
        Assert.False(gateway.IsRegistered(client.BoundJid!.Value.Bare.ToString()));
    }

    /// <summary>A fresh account (so rosters start empty), logged in with the roster fetched and initial presence sent.</summary>
    private async Task<XmppClient> NewUserAsync()
    {
        var user = $"gw-{Guid.NewGuid():N}"[..16];
        var jid = $"{user}@{Prosody.Domain}";
        await fixture.ProsodyShellAsync([$"user:create(\"{jid}\", \"{user}-pass\")"], CancellationToken.None);
        var options = WithGateways(ClientFactory.Options(fixture.Servers, Prosody, "alice")) with { Jid = Jid.Parse(jid), Password = $"{user}-pass" };
        var client = await ClientFactory.ConnectedAsync(options);
        await client.Roster.GetAsync();
        await client.Availability.SendAvailableAsync();
        return client;
    }

    /// <summary>
    /// Registers the legacy account (XEP-0077 to the gateway); the extension approves the gateway's subscription
    /// request and subscribes to it in turn (XEP-0100 §4.1): waits until the gateway approved that.
    /// </summary>
    private async Task RegisterAsync(XmppClient client, TestGatewayComponent gateway)
    {
        var approved = new EventWaiter<SubscriptionEventArgs>();
        client.Availability.SubscriptionApproved += approved.Handler;
        var form = await client.Gateways().GetRegistrationFormAsync(GatewayJid).WaitAsync(Wait);
        Assert.False(form.IsRegistered);
        Assert.Equal("Enter your legacy network user name and password.", form.Instructions);
        await client.Gateways().RegisterAsync(GatewayJid, form.SetCredentials("romeo", "legacy-pass")).WaitAsync(Wait);
        await approved.NextAsync(args => args.Contact == GatewayJid, Wait, "the gateway's approval of the account's subscription");
        Assert.Equal("romeo", gateway.RegisteredName(client.BoundJid!.Value.Bare.ToString()));
    }

    private static XmppClientOptions WithGateways(XmppClientOptions options) =>
        options with { Extensions = XmppExtensionSet.Default.Add<GatewaysExtension>() };
}

/// <summary>Reaching the gateway extension, which is not in the default set.</summary>
internal static class GatewayClientExtensions
{
    public static GatewaysExtension Gateways(this XmppClient client) => client.GetExtension<GatewaysExtension>();
}
