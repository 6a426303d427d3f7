using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class ResumptionTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");

    [Fact]
    public async Task A_resumed_session_resends_exactly_the_stanzas_the_server_did_not_handle()
    {
        var resume = new TaskCompletionSource<(string? PrevId, string? H)>();
        var resent = new TaskCompletionSource<string>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.SendAsync("<message from='juliet@example.com/a'><body>in-1</body></message><message from='juliet@example.com/a'><body>in-2</body></message>");
                for (var i = 0; i < 3; i++)
                {
                    await server.ExpectStanzaAsync("message");
                }

                await server.SendAsync("<a xmlns='urn:xmpp:sm:3' h='1'/>");
                return; // The connection drops.
            }

            var request = await server.AuthenticateAsync();
            Assert.Equal("resume", request.Name);
            resume.SetResult((request.GetAttribute("previd"), request.GetAttribute("h")));
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='2'/>");
            resent.SetResult((await server.ExpectStanzaAsync("message")).Body());
            await server.SendAsync("<r xmlns='urn:xmpp:sm:3'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            var received = 0;
            client.MessageReceived += _ =>
            {
                Interlocked.Increment(ref received);
                return Task.CompletedTask;
            };
            await client.ConnectAsync();
            for (var i = 1; i <= 3; i++)
            {
                await client.SendAsync(new Message(Juliet, $"out-{i}"));
            }

            Assert.Equal(("abc", "2"), await resume.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal("out-3", await resent.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            var reconnected = await states.WaitForReconnectionAsync();
            Assert.True(reconnected.Resumed);
            Assert.Equal(1, reconnected.ResentStanzas);
            var connected = await states.WaitForAsync(XmppClientState.Connected, 2);
            Assert.True(connected.Resumed);
            Assert.Contains(XmppClientState.Reconnecting, states.States);
            Assert.Equal(2, received);
            Assert.Equal(Jid.Parse("user@example.com/test"), client.BoundJid);
        }
    }

    [Fact]
    public async Task Counter_wraps_around_at_2_to_the_32()
    {
        var queue = new Xmpp.Client.Session.OutboundQueue(10, acknowledged: uint.MaxValue - 1);
        var writer = new object();
        queue.Attach(writer);
        for (var i = 0; i < 4; i++)
        {
            await queue.AcquireAsync(CancellationToken.None);
            Assert.True(queue.TryAppendWritten(new Xmpp.Client.Xml.XmppElement("message", "jabber:client"), writer));
        }

        // Stanzas numbered 2^32-1, 0, 1, 2: the server has handled the first three.
        Assert.Equal(3, queue.Acknowledge(1));
        Assert.Equal(1, queue.Count);
        Assert.Equal(1u, queue.Acknowledged);
        var tooHigh = Assert.Throws<Xmpp.Client.Session.HandledCountTooHighException>(() => queue.Acknowledge(3));
        Assert.Equal((3u, 2u), (tooHigh.Handled, tooHigh.Sent));
        Assert.Equal(1, queue.Acknowledge(2));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_writer_of_an_ended_session_can_neither_append_nor_acknowledge()
    {
        var queue = new Xmpp.Client.Session.OutboundQueue(10);
        object old = new(), current = new();
        queue.Attach(old);
        await queue.AcquireAsync(CancellationToken.None);
        Assert.True(queue.TryAppendWritten(new Xmpp.Client.Xml.XmppElement("message", "jabber:client"), old));
        queue.Attach(current);
        Assert.False(queue.TryAppendWritten(new Xmpp.Client.Xml.XmppElement("message", "jabber:client"), old));
        Assert.Equal(0, queue.Acknowledge(1, old));
        Assert.Equal(1, queue.Count);
        Assert.Equal(1, queue.Acknowledge(1, current));
    }

    [Fact]
    public async Task A_failed_resumption_starts_a_new_session_resends_unacknowledged_messages_and_fails_pending_iqs()
    {
        var second = new TaskCompletionSource<List<string>>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("presence");
                await server.ExpectStanzaAsync("message");
                await server.ExpectStanzaAsync("message");
                await server.ExpectStanzaAsync("iq");
                return;
            }

            var request = await server.AuthenticateAsync();
            Assert.Equal("resume", request.Name);
            // The server had handled the presence and the first message when the old session was lost.
            await server.SendAsync("<failed xmlns='urn:xmpp:sm:3' h='2'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>");
            await server.BindAndEnableAsync((await server.ReadElementAsync())!);
            var seen = new List<string>();
            for (var i = 0; i < 2; i++)
            {
                var stanza = await server.ExpectStanzaAsync(i == 0 ? "message" : "presence");
                seen.Add(stanza.Name == "message" ? stanza.Body() : "presence");
            }

            second.SetResult(seen);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Presence());
            await client.SendAsync(new Message(Juliet, "first"));
            await client.SendAsync(new Message(Juliet, "second"));
            var ping = client.SendIqAsync(TestClients.Ping("juliet@example.com/a"));
            await Assert.ThrowsAsync<XmppConnectionLostException>(() => ping.WaitAsync(TimeSpan.FromSeconds(10)));
            // "second" again (not "first": acknowledged by <failed h='2'/>), then the last presence, sent again.
            Assert.Equal(["second", "presence"], await second.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            var reconnected = await states.WaitForReconnectionAsync();
            Assert.False(reconnected.Resumed);
            Assert.False((await states.WaitForAsync(XmppClientState.Connected, 2)).Resumed);
        }
    }

    [Fact]
    public async Task Pending_iq_survives_a_resumption_and_gets_its_answer()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("iq");
                return;
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='0'/>");
            var iq = await server.ExpectStanzaAsync("iq"); // Sent again: the server had not handled it.
            await server.SendAsync($"<iq type='result' id='{iq.GetAttribute("id")}' from='juliet@example.com/a'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();
            var reply = await client.SendIqAsync(TestClients.Ping("juliet@example.com/a")).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(IqType.Result, reply.Type);
        }
    }

    [Fact]
    public async Task Stanzas_sent_while_reconnecting_are_queued_and_sent_after_the_resumption()
    {
        var release = new TaskCompletionSource();
        var after = new TaskCompletionSource<string>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("presence");
                return;
            }

            await release.Task;
            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='1'/>");
            after.SetResult((await server.ExpectStanzaAsync("message")).Body());
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Presence());
            await states.WaitForAsync(XmppClientState.Reconnecting);
            await client.SendAsync(new Message(Juliet, "while away")); // Returns at once: queued.
            release.SetResult();
            Assert.Equal("while away", await after.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task SendAsync_while_reconnecting_fails_fast_when_queueing_is_off()
    {
        var release = new TaskCompletionSource();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("presence");
                return;
            }

            await release.Task;
        }, TestClients.Resilient() with { QueueWhileReconnecting = false });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Presence());
            await states.WaitForAsync(XmppClientState.Reconnecting);
            await Assert.ThrowsAsync<XmppConnectionLostException>(() => client.SendAsync(new Message(Juliet, "x")).AsTask());
            release.SetResult();
        }
    }

    [Fact]
    public async Task A_full_queue_makes_SendAsync_wait_until_the_server_acknowledges()
    {
        var ack = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.ExpectStanzaAsync("message");
            await server.ExpectStanzaAsync("message");
            await ack.Task;
            await server.SendAsync("<a xmlns='urn:xmpp:sm:3' h='2'/>");
            await server.ExpectStanzaAsync("message");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { MaxUnacknowledgedStanzas = 2 });
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "1"));
            await client.SendAsync(new Message(Juliet, "2"));
            var third = client.SendAsync(new Message(Juliet, "3")).AsTask();
            await Task.Delay(200);
            Assert.False(third.IsCompleted);
            ack.SetResult();
            await third.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
