using Xmpp.Client.Extensions;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class DispatchTests
{
    private const string StanzasNs = "urn:ietf:params:xml:ns:xmpp-stanzas";

    [Fact]
    public async Task Unhandled_get_is_answered_service_unavailable_and_results_are_never_answered()
    {
        var answers = new TaskCompletionSource<List<string>>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendAsync("<iq type='result' id='stray-result' from='juliet@example.com/a'/>");
            await server.SendAsync("<iq type='error' id='stray-error' from='juliet@example.com/a'><error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            await server.SendAsync("<iq type='get' id='q1' from='juliet@example.com/a'><query xmlns='urn:test:unknown'/></iq>");
            var reply = await server.ExpectAsync("iq");
            answers.SetResult([reply.GetAttribute("id")!, reply.GetAttribute("type")!,
                reply.Element("error", "jabber:client")!.Elements().First().Name, reply.GetAttribute("to")!]);
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var answer = await answers.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(["q1", "error", "service-unavailable", "juliet@example.com/a"], answer);
        }
    }

    [Fact]
    public async Task Ping_from_the_server_is_answered_by_default()
    {
        var answered = new TaskCompletionSource<string?>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.SendAsync("<iq type='get' id='ping1' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>");
            var reply = await server.ExpectAsync("iq");
            answered.SetResult(reply.GetAttribute("type"));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            Assert.Equal("result", await answered.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Registered_handler_answers_and_a_throwing_handler_is_answered_internal_server_error()
    {
        var results = new TaskCompletionSource<List<string>>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<iq type='get' id='v1' from='juliet@example.com/a'><query xmlns='jabber:iq:version'/></iq>");
            await server.SendAsync("<iq type='set' id='b1' from='juliet@example.com/a'><boom xmlns='urn:test'/></iq>");
            var first = await server.ExpectAsync("iq");
            var second = await server.ExpectAsync("iq");
            results.SetResult([first.GetAttribute("type")!, first.Elements().First().Elements().First().Value,
                second.GetAttribute("type")!, second.Element("error", "jabber:client")!.Elements().First().Name]);
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = XmppExtensionSet.Empty }); // The EntityInfo module answers jabber:iq:version itself.
        await using (client)
        {
            client.RegisterIqHandler("query", "jabber:iq:version", (iq, _) =>
                Task.FromResult(iq.CreateResult(new XElement(XName.Get("query", "jabber:iq:version"), new XElement(XName.Get("name", "jabber:iq:version"), "test")))));
            client.RegisterIqHandler("boom", "urn:test", (_, _) => throw new InvalidOperationException("handler bug"));
            await client.ConnectAsync();
            Assert.Equal(["result", "test", "error", "internal-server-error"], await results.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task IqReceived_handler_that_sets_Handled_suppresses_the_automatic_error()
    {
        var seen = new TaskCompletionSource<string>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<iq type='get' id='c1' from='juliet@example.com/a'><custom xmlns='urn:test'/></iq>");
            var reply = await server.ExpectAsync("iq");
            seen.SetResult($"{reply.GetAttribute("id")} {reply.GetAttribute("type")}");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            client.IqReceived += async args =>
            {
                args.Handled = true;
                await client.SendAsync(args.Request.CreateResult(new XElement(XName.Get("answer", "urn:test"))));
            };
            await client.ConnectAsync();
            Assert.Equal("c1 result", await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Messages_are_raised_in_stream_order_and_a_throwing_handler_does_not_end_the_session()
    {
        var bodies = new List<string>();
        var all = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            for (var i = 0; i < 100; i++)
            {
                await server.SendAsync($"<message from='juliet@example.com/a' type='chat'><body>{i}</body></message>");
            }

            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            client.MessageReceived += message =>
            {
                bodies.Add(message.Body!);
                if (bodies.Count == 100)
                {
                    all.SetResult();
                }

                return message.Body == "3" ? throw new InvalidOperationException("handler bug") : Task.CompletedTask;
            };
            await client.ConnectAsync();
            await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), bodies);
            Assert.Equal(XmppClientState.Connected, client.State);
        }
    }

    [Fact]
    public async Task A_slow_message_handler_does_not_delay_iq_answers()
    {
        var release = new TaskCompletionSource();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<message from='juliet@example.com/a'><body>slow</body></message>");
            var request = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}' from='example.com'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            client.MessageReceived += _ => release.Task;
            await client.ConnectAsync();
            var reply = await client.SendIqAsync(TestClients.Ping("example.com"), TimeSpan.FromSeconds(10));
            Assert.Equal(IqType.Result, reply.Type);
            Assert.False(release.Task.IsCompleted);
            release.SetResult();
        }
    }
}
