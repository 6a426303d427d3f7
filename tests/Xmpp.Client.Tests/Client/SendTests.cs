using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class SendTests
{
    [Fact]
    public async Task Concurrent_sends_from_16_threads_arrive_as_whole_well_formed_stanzas()
    {
        const int threads = 16, perThread = 500;
        var received = new TaskCompletionSource<List<string>>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var bodies = new List<string>();
            for (var i = 0; i < threads * perThread; i++)
            {
                var message = await server.ExpectAsync("message");
                bodies.Add(message.Element("body", "jabber:client")!.Value);
            }

            received.SetResult(bodies);
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var to = Jid.Parse("juliet@example.com");
            var padding = new string('x', 3000); // large enough that one stanza spans several pipe segments
            await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    await client.SendAsync(new Message(to, $"{t}:{i}:{padding}"));
                }
            })));
            var bodies = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var expected = Enumerable.Range(0, threads).SelectMany(t => Enumerable.Range(0, perThread).Select(i => $"{t}:{i}:{padding}"));
            Assert.Equal(expected.Order(StringComparer.Ordinal), bodies.Order(StringComparer.Ordinal));
            foreach (var thread in bodies.GroupBy(body => body.Split(':')[0]))
            {
                // Each thread's stanzas keep their order.
                Assert.Equal(thread.Select(body => int.Parse(body.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)), Enumerable.Range(0, perThread));
            }
        }
    }

    [Fact]
    public async Task SendAsync_gives_a_stanza_without_an_id_one_and_returns_it_and_sends_an_id_the_caller_set()
    {
        var ids = new TaskCompletionSource<(string?, string?)>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var first = (await server.ExpectAsync("message")).GetAttribute("id");
            ids.SetResult((first, (await server.ExpectAsync("message")).GetAttribute("id")));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var id = await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hi"));
            var given = await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hi") { Id = "mine" });

            Assert.False(string.IsNullOrEmpty(id));
            Assert.Equal("mine", given);
            Assert.Equal((id, "mine"), await ids.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task SendAsync_before_connecting_says_to_connect_first()
    {
        var (client, _) = TestClients.Create(_ => Task.CompletedTask);
        await using (client)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new Presence()).AsTask());
            Assert.Contains("ConnectAsync", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DisconnectAsync_closes_the_stream_and_reports_disconnected()
    {
        var closed = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.UntilClientClosesAsync();
            await server.SendAsync("</stream:stream>");
            closed.SetResult();
        });
        await using (client)
        {
            var states = new List<XmppClientState>();
            client.StateChanged += change =>
            {
                states.Add(change.State);
                return Task.CompletedTask;
            };
            await client.DisconnectAsync();
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(XmppClientState.Disconnected, client.State);
            Assert.Null(client.BoundJid);
        }
    }
}

public class SendInvalidTextTests
{
    [Fact]
    public async Task A_stanza_with_text_xml_forbids_is_refused_and_the_stream_stays_well_formed()
    {
        var next = new TaskCompletionSource<string?>();
        var logs = new ListLoggerFactory();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var message = await server.ExpectAsync("message");
            next.SetResult(message.Element("body", "jabber:client")?.Value);
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            var to = Jid.Parse("juliet@example.com");
            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(new Xmpp.Client.Stanzas.Message(to, "bell \u0007 rings")).AsTask());
            Assert.Contains("U+0007", error.Message, StringComparison.OrdinalIgnoreCase);
            await client.SendAsync(new Xmpp.Client.Stanzas.Message(to, "fine"));
            Assert.Equal("fine", await next.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(XmppClientState.Connected, client.State);
        }
    }
}
