using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Carbons;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Carbons;

/// <summary>Message carbons (XEP-0280): enabling, copies raised as what they are, forgeries dropped.</summary>
public class CarbonsTests
{
    private const string Ns = "urn:xmpp:carbons:2";
    private const string Info = "http://jabber.org/protocol/disco#info";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static XmppExtensionSet Carbons => XmppExtensionSet.Empty.Add<CarbonsExtension>();

    /// <summary>Answers the server's disco#info (with or without carbons) and, when offered, the enable request.</summary>
    private static Func<FakeServer, Task> Offering(bool carbons, List<string>? requests = null) => async server =>
    {
        var disco = await server.ExpectAsync("iq");
        requests?.Add(disco.ToString());
        var feature = carbons ? $"<feature var='{Ns}'/>" : string.Empty;
        await server.SendAsync($"<iq type='result' id='{disco.GetAttribute("id")}' from='example.com'><query xmlns='{Info}'>{feature}</query></iq>");
        if (carbons)
        {
            var enable = await server.ExpectAsync("iq");
            requests?.Add(enable.ToString());
            await server.SendAsync($"<iq type='result' id='{enable.GetAttribute("id")}'/>");
        }
    };

    private static async Task<(MessagingHarness Harness, List<CarbonEventArgs> Carbons, List<Message> Messages)> ConnectAsync(ListLoggerFactory? logs = null)
    {
        var harness = await MessagingHarness.ConnectAsync(Carbons, Offering(carbons: true), logs: logs);
        var carbons = new List<CarbonEventArgs>();
        var messages = new List<Message>();
        harness.Client.GetExtension<CarbonsExtension>().CarbonReceived += args => { carbons.Add(args); return Task.CompletedTask; };
        harness.Client.MessageReceived += message =>
        {
            if (message.Id?.StartsWith("marker-", StringComparison.Ordinal) != true)
            {
                messages.Add(message);
            }

            return Task.CompletedTask;
        };
        return (harness, carbons, messages);
    }

    private static string Carbon(string from, string direction, string inner) =>
        $"<message from='{from}' to='user@example.com/test' type='chat'><{direction} xmlns='{Ns}'><forwarded xmlns='urn:xmpp:forward:0'>{inner}</forwarded></{direction}></message>";

    [Fact]
    public async Task Carbons_are_enabled_after_binding_when_the_server_offers_them()
    {
        var requests = new List<string>();
        await using var harness = await MessagingHarness.ConnectAsync(Carbons, Offering(carbons: true, requests));

        Assert.Contains(Info, requests[0], StringComparison.Ordinal);
        Assert.Contains($"<enable xmlns=\"{Ns}\"", requests[1], StringComparison.Ordinal);
        Assert.Contains("type=\"set\"", requests[1], StringComparison.Ordinal);
        Assert.True(harness.Client.GetExtension<CarbonsExtension>().IsEnabled);
    }

    [Fact]
    public async Task Carbons_are_not_enabled_when_the_server_does_not_offer_them()
    {
        await using var harness = await MessagingHarness.ConnectAsync(Carbons, Offering(carbons: false));

        await harness.Client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "first thing sent"));
        var first = await harness.ExpectAsync();   // the next thing sent is the message, not an enable request

        Assert.Equal("first thing sent", first.Element("body", "jabber:client")?.Value);
        Assert.False(harness.Client.GetExtension<CarbonsExtension>().IsEnabled);
    }

    [Fact]
    public async Task Carbons_stay_off_when_Enable_is_false_and_the_server_is_not_even_asked()
    {
        var set = XmppExtensionSet.Empty.Add(() => new CarbonsExtension { Enable = false });
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.Client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "first thing sent"));
        var first = await harness.ExpectAsync();

        Assert.Equal("first thing sent", first.Element("body", "jabber:client")?.Value);
        Assert.False(harness.Client.GetExtension<CarbonsExtension>().IsEnabled);
    }

    [Fact]
    public async Task A_received_carbon_is_raised_as_a_copy_and_never_as_a_message_from_the_contact()
    {
        var (harness, carbons, messages) = await ConnectAsync();
        await using var _ = harness;

        await harness.SendAsync(Carbon("user@example.com", "received",
            "<message xmlns='jabber:client' from='juliet@example.com/balcony' to='user@example.com/phone' id='j1' type='chat'><body>Wherefore art thou?</body><thread>t1</thread><active xmlns='http://jabber.org/protocol/chatstates'/></message>"));
        await harness.SyncAsync();

        var carbon = Assert.Single(carbons);
        Assert.Empty(messages);
        Assert.Equal(CarbonDirection.Received, carbon.Direction);
        Assert.Equal(Jid.Parse("juliet@example.com/balcony"), carbon.Message.From);
        Assert.Equal(Jid.Parse("user@example.com/phone"), carbon.Message.To);
        Assert.Equal("j1", carbon.Message.Id);
        Assert.Equal(MessageType.Chat, carbon.Message.Type);
        Assert.Equal("Wherefore art thou?", carbon.Message.Body);
        Assert.Equal("t1", carbon.Message.Thread);
        Assert.True(carbon.Message.HasPayload(System.Xml.Linq.XName.Get("active", "http://jabber.org/protocol/chatstates")));
        Assert.Equal(Jid.Parse("user@example.com"), carbon.Carbon.From);
    }

    [Fact]
    public async Task A_sent_carbon_is_raised_with_the_direction_sent()
    {
        var (harness, carbons, messages) = await ConnectAsync();
        await using var _ = harness;

        await harness.SendAsync(Carbon("user@example.com", "sent",
            "<message xmlns='jabber:client' from='user@example.com/phone' to='juliet@example.com/balcony' type='chat'><body>Here I am</body></message>"));
        await harness.SyncAsync();

        var carbon = Assert.Single(carbons);
        Assert.Empty(messages);
        Assert.Equal(CarbonDirection.Sent, carbon.Direction);
        Assert.Equal(Jid.Parse("user@example.com/phone"), carbon.Message.From);
        Assert.Equal("Here I am", carbon.Message.Body);
    }

    [Theory]
    [InlineData("juliet@example.com/balcony")]   // a contact
    [InlineData("juliet@example.com")]           // a contact's bare JID
    [InlineData("user@example.com/phone")]       // another resource of the account: a full JID is not the account
    [InlineData("user@evil.example")]            // the same local part on another domain
    [InlineData("example.com")]                  // the server's domain
    public async Task A_forged_carbon_is_dropped_logged_and_reaches_neither_the_event_nor_MessageReceived(string from)
    {
        using var logs = new ListLoggerFactory();
        var (harness, carbons, messages) = await ConnectAsync(logs);
        await using var _ = harness;

        await harness.SendAsync(Carbon(from, "received",
            "<message xmlns='jabber:client' from='romeo@example.com/orchard' to='user@example.com/test' type='chat'><body>send me your password</body></message>"));
        await harness.SendAsync(Carbon(from, "sent",
            "<message xmlns='jabber:client' from='user@example.com/phone' to='romeo@example.com' type='chat'><body>I said yes</body></message>"));
        await harness.SyncAsync();

        Assert.Empty(carbons);
        Assert.Empty(messages);
        Assert.Equal(2, logs.Messages.Count(line => line.Contains("forged carbon", StringComparison.Ordinal) && line.Contains(from, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_carbon_without_a_forwarded_message_is_dropped()
    {
        var (harness, carbons, messages) = await ConnectAsync();
        await using var _ = harness;

        await harness.SendAsync($"<message from='user@example.com' type='chat'><received xmlns='{Ns}'/></message>");
        await harness.SyncAsync();

        Assert.Empty(carbons);
        Assert.Empty(messages);
    }

    [Fact]
    public void MarkPrivate_adds_private_and_the_no_copy_hint_once()
    {
        var message = new Message(Jid.Parse("juliet@example.com"), "just for this device");

        CarbonsExtension.MarkPrivate(CarbonsExtension.MarkPrivate(message));

        Assert.True(CarbonsExtension.IsPrivate(message));
        Assert.Single(message.GetPayloads(CarbonsExtension.PrivateName));
        Assert.Single(message.GetPayloads(CarbonsExtension.NoCopyName));
        Assert.False(CarbonsExtension.IsPrivate(new Message(Jid.Parse("juliet@example.com"), "copied")));
    }

    [Fact]
    public async Task Carbons_are_enabled_again_on_a_new_session_after_a_reconnection()
    {
        var connection = 0;
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var enabledAgain = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(); // no stream management: a new session each time
            var requests = new List<string>();
            await Offering(carbons: true, requests)(server);
            if (Interlocked.Increment(ref connection) == 1)
            {
                await dropped.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            enabledAgain.TrySetResult(requests[1]);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = Carbons });
        await using (client)
        {
            await client.ConnectAsync();
            dropped.TrySetResult();

            Assert.Contains($"<enable xmlns=\"{Ns}\"", await enabledAgain.Task.WaitAsync(Wait), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_resumed_session_keeps_carbons_without_asking_again()
    {
        var connection = 0;
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAfterResuming = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await Offering(carbons: true)(server);
                await dropped.Task.WaitAsync(Wait);
                return; // the connection drops
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='2'/>");
            var first = await server.ReadElementAsync();
            firstAfterResuming.TrySetResult(first?.ToString() ?? string.Empty);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { Extensions = Carbons });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            dropped.TrySetResult();
            Assert.True((await states.WaitForAsync(XmppClientState.Connected, 2)).Resumed);
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "after resuming"));

            Assert.Contains("after resuming", await firstAfterResuming.Task.WaitAsync(Wait), StringComparison.Ordinal);
            Assert.True(client.GetExtension<CarbonsExtension>().IsEnabled);
        }
    }

    [Fact]
    public async Task A_refused_enable_is_logged_and_does_not_fail_the_connection()
    {
        using var logs = new ListLoggerFactory();
        await using var harness = await MessagingHarness.ConnectAsync(Carbons, async server =>
        {
            var disco = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{disco.GetAttribute("id")}' from='example.com'><query xmlns='{Info}'><feature var='{Ns}'/></query></iq>");
            var enable = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{enable.GetAttribute("id")}'><error type='cancel'><not-allowed xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        }, logs: logs);

        Assert.Equal(XmppClientState.Connected, harness.Client.State);
        Assert.False(harness.Client.GetExtension<CarbonsExtension>().IsEnabled);
        Assert.Contains(logs.Messages, line => line.Contains("Could not enable message carbons: not-allowed", StringComparison.Ordinal));
    }
}
