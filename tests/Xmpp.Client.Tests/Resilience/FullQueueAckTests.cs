using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

/// <summary>An outbound queue that fills before an acknowledgement is due asks for one instead of waiting for ever.</summary>
public class FullQueueAckTests
{
    [Fact]
    public async Task A_full_queue_requests_an_ack_even_before_AckRequestStanzas_stanzas_were_sent()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            var messages = 0;
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "message")
                {
                    messages++;
                }
                else if (element.Name == "r")
                {
                    await server.SendAsync($"<a xmlns='urn:xmpp:sm:3' h='{messages}'/>");
                }
            }
        }, TestClients.Resilient() with { MaxUnacknowledgedStanzas = 3, AckRequestStanzas = 10 });
        await using (client)
        {
            await client.ConnectAsync();

            for (var i = 0; i < 8; i++)
            {
                await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), $"{i}")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
    }

    [Fact]
    public async Task A_full_queue_asks_once_not_after_every_stanza()
    {
        var requests = 0;
        var done = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            var messages = 0;
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "message" && ++messages == 6)
                {
                    done.TrySetResult();
                }
                else if (element.Name == "r")
                {
                    Interlocked.Increment(ref requests);
                    if (messages >= 5)
                    {
                        await server.SendAsync($"<a xmlns='urn:xmpp:sm:3' h='{messages}'/>");
                    }
                }
            }
        }, TestClients.Resilient() with { MaxUnacknowledgedStanzas = 5, AckRequestStanzas = 100 });
        await using (client)
        {
            await client.ConnectAsync();
            var sends = Enumerable.Range(0, 6).Select(i => client.SendAsync(new Message(Jid.Parse("juliet@example.com"), $"{i}")).AsTask()).ToArray();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.InRange(requests, 1, 2); // when the queue filled (and perhaps once more when the sixth filled it again)
        }
    }

    [Fact]
    public async Task Resending_a_full_queue_after_a_resumption_asks_for_an_ack_once()
    {
        var asked = new TaskCompletionSource<int>();
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                for (var i = 0; i < 20; i++)
                {
                    await server.ExpectStanzaAsync("message");
                }

                return; // The connection drops with all 20 unacknowledged: the queue is full.
            }

            await server.AuthenticateAsync();
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='0'/>");
            var requests = 0;
            var messages = 0;
            while (messages < 20 && await server.ReadElementAsync() is { } element)
            {
                messages += element.Name == "message" ? 1 : 0;
                requests += element.Name == "r" ? 1 : 0;
            }

            asked.SetResult(requests);
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient() with { MaxUnacknowledgedStanzas = 20, AckRequestStanzas = 1_000 });
        await using (client)
        {
            await client.ConnectAsync();
            for (var i = 0; i < 20; i++)
            {
                await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), $"{i}"));
            }

            Assert.Equal(1, await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }
}
