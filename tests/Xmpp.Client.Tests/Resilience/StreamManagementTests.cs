using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class StreamManagementTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");

    [Fact]
    public async Task Enables_resumable_stream_management_when_the_server_offers_it()
    {
        var enabled = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(async server =>
        {
            var enable = await server.LoginWithStreamManagementAsync();
            enabled.SetResult(enable.GetAttribute("resume"));
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal("true", await enabled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(client.Negotiated!.StreamManagement);
        }
    }

    [Fact]
    public async Task Does_not_enable_stream_management_when_switched_off()
    {
        var next = new TaskCompletionSource<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(features: StreamManagementScripts.Feature);
            next.SetResult((await server.ExpectStanzaAsync("message")).Name);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { StreamManagement = false });
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "hi"));
            Assert.Equal("message", await next.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(client.Negotiated!.StreamManagement);
        }
    }

    [Fact]
    public async Task Answers_an_ack_request_with_the_number_of_stanzas_received()
    {
        var answer = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.SendAsync("<message from='juliet@example.com/a' type='chat'><body>1</body></message>" +
                                   "<presence from='juliet@example.com/a'/>" +
                                   "<iq type='get' id='p1' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>" +
                                   "<r xmlns='urn:xmpp:sm:3'/>");
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "a")
                {
                    answer.SetResult(element.GetAttribute("h"));
                }
            }
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal("3", await answer.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Requests_an_ack_after_the_configured_number_of_stanzas()
    {
        var sequence = new TaskCompletionSource<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            var names = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                names.Add((await server.ReadElementAsync())!.Name);
            }

            sequence.SetResult(string.Join(",", names));
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { AckRequestStanzas = 3 });
        await using (client)
        {
            await client.ConnectAsync();
            for (var i = 0; i < 3; i++)
            {
                await client.SendAsync(new Message(Juliet, $"m{i}"));
            }

            Assert.Equal("message,message,message,r", await sequence.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Requests_an_ack_when_a_stanza_waited_the_configured_time()
    {
        var request = new TaskCompletionSource<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.ExpectAsync("message");
            request.SetResult((await server.ReadElementAsync())!.Name);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { AckRequestInterval = TimeSpan.FromMilliseconds(100) });
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "one"));
            Assert.Equal("r", await request.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Acknowledged_stanzas_leave_the_queue_and_unacknowledged_ones_stay()
    {
        var acked = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            for (var i = 0; i < 3; i++)
            {
                await server.ExpectStanzaAsync("message");
            }

            await server.SendAsync("<a xmlns='urn:xmpp:sm:3' h='2'/><iq type='get' id='x' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>");
            await server.ExpectStanzaAsync("iq"); // The ping's answer: the ack was applied before it.
            acked.SetResult();
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();
            for (var i = 0; i < 3; i++)
            {
                await client.SendAsync(new Message(Juliet, $"m{i}"));
            }

            await acked.Task.WaitAsync(TimeSpan.FromSeconds(10));
            // m2 and the pong wait for their acknowledgement.
            Assert.Equal(2, client.Outbound.Count);
        }
    }

    [Fact]
    public async Task An_ack_for_more_stanzas_than_were_sent_ends_the_stream_with_undefined_condition()
    {
        var error = new TaskCompletionSource<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.ExpectStanzaAsync("message");
            await server.SendAsync("<a xmlns='urn:xmpp:sm:3' h='5'/>");
            var element = await server.ReadElementAsync();
            while (element is not null && element.Name != "error")
            {
                element = await server.ReadElementAsync();
            }

            error.SetResult(element?.ToString() ?? "");
        }, TestClients.Resilient() with { AutoReconnect = false });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "one"));
            var sent = await error.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains("undefined-condition", sent, StringComparison.Ordinal);
            Assert.Contains("handled-count-too-high", sent, StringComparison.Ordinal);
            var disconnected = await states.WaitForAsync(XmppClientState.Disconnected);
            Assert.IsType<XmppStreamErrorException>(disconnected.Error);
        }
    }
}
