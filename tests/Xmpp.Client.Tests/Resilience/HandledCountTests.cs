using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Resilience;

/// <summary>XEP-0198 §5: a server that claims to have handled more stanzas than the client sent.</summary>
public class HandledCountTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");

    [Fact]
    public async Task A_resumption_that_acknowledges_more_than_was_sent_ends_the_stream_and_a_new_session_starts()
    {
        var streamError = new TaskCompletionSource<XmppElement?>();
        var resent = new TaskCompletionSource<string>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            switch (Interlocked.Increment(ref connection))
            {
                case 1:
                    await server.LoginWithStreamManagementAsync("abc");
                    await server.ExpectStanzaAsync("message");
                    return; // The connection drops with "one" unacknowledged.
                case 2:
                    Assert.Equal("resume", (await server.AuthenticateAsync()).Name);
                    await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='5'/>");
                    streamError.SetResult(await ReadStreamErrorAsync(server));
                    return;
                default:
                    var next = await server.AuthenticateAsync();
                    Assert.Equal("iq", next.Name); // Binds a new session: the old one is not offered again.
                    await server.BindAndEnableAsync(next);
                    resent.SetResult((await server.ExpectStanzaAsync("message")).Body());
                    await server.UntilClientClosesAsync();
                    return;
            }
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "one"));

            var error = await streamError.Task.WaitAsync(TimeSpan.FromSeconds(10));
            AssertHandledCountTooHigh(error, h: "5", sendCount: "1");
            Assert.Equal("one", await resent.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            var reconnected = await states.WaitForReconnectionAsync();
            Assert.False(reconnected.Resumed);
            Assert.Equal(3, connection);
        }
    }

    [Fact]
    public async Task An_ack_for_more_stanzas_than_were_sent_says_how_many_were_sent_and_the_client_starts_a_new_session()
    {
        var streamError = new TaskCompletionSource<XmppElement?>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.ExpectStanzaAsync("message");
                await server.SendAsync("<a xmlns='urn:xmpp:sm:3' h='5'/>");
                streamError.SetResult(await ReadStreamErrorAsync(server));
                return;
            }

            var next = await server.AuthenticateAsync();
            Assert.Equal("iq", next.Name);
            await server.BindAndEnableAsync(next);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Message(Juliet, "one"));

            AssertHandledCountTooHigh(await streamError.Task.WaitAsync(TimeSpan.FromSeconds(10)), h: "5", sendCount: "1");
            Assert.False((await states.WaitForReconnectionAsync()).Resumed);
        }
    }

    private static async Task<XmppElement?> ReadStreamErrorAsync(FakeServer server)
    {
        var element = await server.ReadElementAsync();
        while (element is not null && element.Name != "error")
        {
            element = await server.ReadElementAsync();
        }

        return element;
    }

    private static void AssertHandledCountTooHigh(XmppElement? error, string h, string sendCount)
    {
        Assert.NotNull(error);
        Assert.NotNull(error.Element("undefined-condition", "urn:ietf:params:xml:ns:xmpp-streams"));
        var condition = error.Element("handled-count-too-high", StreamManagementScripts.Ns);
        Assert.NotNull(condition);
        Assert.Equal(h, condition.GetAttribute("h"));
        Assert.Equal(sendCount, condition.GetAttribute("send-count"));
    }
}
