using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

/// <summary>A stanza over a per-stanza limit is skipped; the session goes on (anyone can send one through the server).</summary>
public class SkippedStanzaTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Attributes(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"a{i}='{i}'"));

    private static string Deep(int depth) =>
        string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));

    [Fact]
    public async Task Stanzas_over_the_limits_are_skipped_counted_and_logged_and_the_next_message_arrives()
    {
        var logs = new ListLoggerFactory();
        var bodies = new List<string?>();
        var arrived = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.ExpectAsync("presence"); // the client is listening
            await server.SendAsync($"<message from='eve@evil.example/x' id='m1' type='chat'><body>1</body><x {Attributes(600)}/></message>");
            await server.SendAsync($"<message from='eve@evil.example/x' id='m2'>{Deep(5_000)}</message>");
            await server.SendAsync($"<presence from='eve@evil.example/x' {Attributes(300).Replace("a", "xmlns:p", StringComparison.Ordinal)}/>");
            await server.SendAsync("<message from='juliet@example.com/a' type='chat'><body>plain</body></message>");
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            client.MessageReceived += message =>
            {
                bodies.Add(message.Body);
                arrived.TrySetResult();
                return Task.CompletedTask;
            };
            await client.SendAsync(new Presence());

            await arrived.Task.WaitAsync(Wait);

            Assert.Equal(["plain"], bodies);
            Assert.Equal(3, client.Diagnostics.SkippedStanzas);
            Assert.Equal(XmppClientState.Connected, client.State);
            Assert.Contains(logs.Messages, m => m.Contains("Skipped a <message>", StringComparison.Ordinal)
                && m.Contains("eve@evil.example/x", StringComparison.Ordinal) && m.Contains("MaxAttributes", StringComparison.Ordinal));
            Assert.Contains(logs.Messages, m => m.Contains("Skipped a <presence>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_skipped_iq_request_is_answered_with_policy_violation_to_its_sender()
    {
        var answer = new TaskCompletionSource<XmppElement>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendAsync($"<iq type='get' id='q1' from='eve@evil.example/x' {Attributes(200)}><query xmlns='jabber:iq:version'/></iq>");
            answer.SetResult(await server.ExpectAsync("iq"));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var reply = await answer.Task.WaitAsync(Wait);

            Assert.Equal(("error", "q1", "eve@evil.example/x"), (reply.GetAttribute("type"), reply.GetAttribute("id"), reply.GetAttribute("to")));
            var error = StanzaError.FromElement(reply.Element("error", "jabber:client")!);
            Assert.Equal(StanzaErrorCondition.PolicyViolation, error.Condition);
        }
    }

    [Fact]
    public async Task A_skipped_answer_whose_from_was_not_read_does_not_fail_a_request_to_the_server()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            var id = request.GetAttribute("id");
            // The limit is reached before 'from': this cannot be taken for the server's answer.
            await server.SendAsync($"<iq type='result' id='{id}' {Attributes(200)} from='eve@evil.example/x'/>");
            await server.SendAsync($"<iq type='result' id='{id}' from='example.com'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var reply = await client.SendIqAsync(TestClients.Ping("example.com")).WaitAsync(Wait);

            Assert.Equal(IqType.Result, reply.Type);
            Assert.Equal(1, client.Diagnostics.SkippedStanzas);
        }
    }

    [Fact]
    public async Task A_skipped_answer_fails_its_request_at_once_instead_of_timing_out()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var request = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}' from='example.com'><query xmlns='jabber:iq:roster'>{Deep(100)}</query></iq>");
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { IqTimeout = TimeSpan.FromMinutes(5) });
        await using (client)
        {
            var e = await Assert.ThrowsAsync<XmppException>(() => client.SendIqAsync(TestClients.Ping("example.com")).WaitAsync(Wait));

            Assert.Contains("skipped unread", e.Message, StringComparison.Ordinal);
            Assert.Contains("MaxDepth", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_skipped_stanza_counts_as_handled_for_stream_management()
    {
        var answer = new TaskCompletionSource<string?>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.SendAsync($"<message from='eve@evil.example/x'><body>1</body>{Deep(100)}</message>"
                + "<message from='juliet@example.com/a'><body>2</body></message><r xmlns='urn:xmpp:sm:3'/>");
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "a")
                {
                    answer.TrySetResult(element.GetAttribute("h"));
                }
            }
        }, TestClients.Resilient());
        await using (client)
        {
            await client.ConnectAsync();

            Assert.Equal("2", await answer.Task.WaitAsync(Wait));
        }
    }

    [Fact]
    public async Task During_negotiation_an_element_over_a_limit_still_ends_the_stream()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.ReadStreamHeaderAsync();
            await server.SendAsync("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s' version='1.0'>"
                + $"<stream:features>{Deep(100)}</stream:features>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var e = await Assert.ThrowsAsync<XmppStreamErrorException>(() => client.ConnectAsync().WaitAsync(Wait));

            Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
        }
    }
}
