using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class SendIqTests
{
    private static readonly XNamespace Ping = "urn:xmpp:ping";

    [Fact]
    public async Task SendIqAsync_returns_the_result_with_the_same_id()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}' from='example.com'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var reply = await client.SendIqAsync(TestClients.Ping("example.com"));
            Assert.Equal(IqType.Result, reply.Type);
        }
    }

    [Fact]
    public async Task A_duplicate_request_id_is_refused_without_using_up_a_pending_slot()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.ExpectAsync("iq");
            var second = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{second.GetAttribute("id")}' from='example.com'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { MaxPendingIqs = 2 });
        await using (client)
        {
            var first = TestClients.Ping("example.com");
            first.Id = "same";
            var unanswered = client.SendIqAsync(first);
            var repeat = TestClients.Ping("example.com");
            repeat.Id = "same";
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendIqAsync(repeat));

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var reply = await client.SendIqAsync(TestClients.Ping("example.com"), stop.Token);

            Assert.Equal(IqType.Result, reply.Type);
            Assert.False(unanswered.IsCompleted);
        }
    }

    [Fact]
    public async Task SendIqAsync_ignores_reply_from_other_jid()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            var id = request.GetAttribute("id");
            await server.SendAsync($"<iq type='result' id='{id}' from='mallory@evil.example/x'><spoofed xmlns='urn:test'/></iq>");
            await server.SendAsync($"<iq type='result' id='{id}' from='juliet@example.com/balcony'><real xmlns='urn:test'/></iq>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var reply = await client.SendIqAsync(TestClients.Ping("juliet@example.com/balcony"));
            Assert.Equal(XName.Get("real", "urn:test"), reply.PayloadName);
        }
    }

    [Fact]
    public async Task SendIqAsync_to_the_server_ignores_a_reply_from_a_contact()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            var id = request.GetAttribute("id");
            await server.SendAsync($"<iq type='result' id='{id}' from='juliet@example.com/balcony'><spoofed xmlns='urn:test'/></iq>");
            await server.SendAsync($"<iq type='result' id='{id}'><real xmlns='urn:test'/></iq>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var reply = await client.SendIqAsync(TestClients.Ping());
            Assert.Equal(XName.Get("real", "urn:test"), reply.PayloadName);
        }
    }

    [Fact]
    public async Task SendIqAsync_throws_XmppIqErrorException_carrying_the_error()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{request.GetAttribute("id")}' from='nobody@example.com'>" +
                                   "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>" +
                                   "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no such user</text></error></iq>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => client.SendIqAsync(TestClients.Ping("nobody@example.com")));
            Assert.Equal(StanzaErrorCondition.ItemNotFound, error.Error.Condition);
            Assert.Equal(StanzaErrorType.Cancel, error.Error.Type);
            Assert.Equal("no such user", error.Error.Text);
        }
    }

    [Fact]
    public async Task SendIqAsync_times_out_with_XmppTimeoutException()
    {
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppTimeoutException>(
                () => client.SendIqAsync(TestClients.Ping("example.com"), TimeSpan.FromMilliseconds(100)));
            Assert.IsAssignableFrom<TimeoutException>(error);
        }
    }

    [Fact]
    public async Task A_timeout_message_reads_the_same_whatever_the_current_culture()
    {
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        await using (client)
        {
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            try
            {
                var error = await Assert.ThrowsAsync<XmppTimeoutException>(
                    () => client.SendIqAsync(TestClients.Ping("example.com"), TimeSpan.FromMilliseconds(300)));

                Assert.Contains("within 0.3 s", error.Message, StringComparison.Ordinal);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = culture;
            }
        }
    }

    [Fact]
    public async Task SendIqAsync_keeps_the_callers_cancellation_as_OperationCanceledException()
    {
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        await using (client)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendIqAsync(TestClients.Ping("example.com"), cancel.Token));
        }
    }

    [Fact]
    public async Task Pending_requests_fail_promptly_when_the_connection_drops()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.ExpectAsync("iq");
            // The script ends here: the server closes the connection without answering.
        });
        await using (client)
        {
            await Assert.ThrowsAsync<XmppConnectionLostException>(() => client.SendIqAsync(TestClients.Ping("example.com"), TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task Ten_thousand_concurrent_requests_each_get_their_own_answer()
    {
        const int count = 10_000;
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var ids = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var request = await server.ExpectAsync("iq");
                ids.Add(request.GetAttribute("id")!);
            }

            // Answer in a shuffled order, each answer naming the id it answers.
            foreach (var id in ids.OrderBy(_ => Random.Shared.Next()))
            {
                await server.SendAsync($"<iq type='result' id='{id}' from='example.com'><answer xmlns='urn:test'>{id}</answer></iq>");
            }

            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var requests = Enumerable.Range(0, count).Select(_ => TestClients.Ping("example.com")).ToList();
            var replies = await Task.WhenAll(requests.Select(request => Task.Run(() => client.SendIqAsync(request))));
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(requests[i].Id, replies[i].Payload!.Value);
            }
        }
    }
}
