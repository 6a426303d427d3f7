using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>Typed IQ handlers and requests, decorators (with the per-send opt-out) and watchers.</summary>
public class ExtensionIqAndOutgoingTests
{
    private static readonly XName Mark = XName.Get("mark", "urn:example:mark");
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com/balcony");

    [Fact]
    public async Task A_typed_iq_handler_gets_the_payload_read_and_its_answer_is_sent()
    {
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.HandleIq<Stats>((request, stats, _) => Task.FromResult(request.CreateResult(new Stats(stats.Uptime + 1))))));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<iq type='get' id='q1' from='juliet@example.com/balcony'><stats xmlns='urn:example:stats' uptime='41'/></iq>");
        var answer = await harness.ExpectAsync("iq");

        Assert.Equal(("result", "q1", "juliet@example.com/balcony"), (answer.GetAttribute("type"), answer.GetAttribute("id"), answer.GetAttribute("to")));
        Assert.Equal("42", answer.Element("stats", "urn:example:stats")?.GetAttribute("uptime"));
    }

    [Fact]
    public async Task A_request_payload_the_typed_handler_cannot_read_is_answered_bad_request()
    {
        var called = false;
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.HandleIq<Stats>((request, _, _) =>
            {
                called = true;
                return Task.FromResult(request.CreateResult());
            })));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        await harness.SendAsync("<iq type='get' id='q2' from='juliet@example.com/balcony'><stats xmlns='urn:example:stats'/></iq>");
        var answer = await harness.ExpectAsync("iq");

        Assert.Equal("error", answer.GetAttribute("type"));
        Assert.NotNull(answer.Element("error", "jabber:client")?.Element("bad-request", "urn:ietf:params:xml:ns:xmpp-stanzas"));
        Assert.False(called);
    }

    [Fact]
    public async Task SendIqAsync_of_a_payload_type_reads_the_answer_as_that_type()
    {
        await using var harness = await MessagingHarness.ConnectAsync(XmppExtensionSet.Empty);

        var asking = harness.Client.SendIqAsync<Stats>(Iq.Get(new Stats(0), Juliet));
        var request = await harness.ExpectAsync("iq");
        Assert.Equal(("get", "juliet@example.com/balcony", "0"), (request.GetAttribute("type"), request.GetAttribute("to"), request.Element("stats", "urn:example:stats")?.GetAttribute("uptime")));
        await harness.SendAsync($"<iq type='result' id='{request.GetAttribute("id")}' from='juliet@example.com/balcony'><stats xmlns='urn:example:stats' uptime='7'/></iq>");

        Assert.Equal(new Stats(7), await asking.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SendIqAsync_of_a_payload_type_gives_null_for_an_empty_result_and_says_so_when_the_payload_is_unreadable()
    {
        await using var harness = await MessagingHarness.ConnectAsync(XmppExtensionSet.Empty);

        var empty = harness.Client.SendIqAsync<Stats>(Iq.Set(new Stats(0), Juliet));
        var first = await harness.ExpectAsync("iq");
        Assert.Equal("set", first.GetAttribute("type"));
        await harness.SendAsync($"<iq type='result' id='{first.GetAttribute("id")}' from='juliet@example.com/balcony'/>");
        Assert.Null(await empty.WaitAsync(TimeSpan.FromSeconds(10)));

        var broken = harness.Client.SendIqAsync<Stats>(new Iq(IqType.Get, new Stats(0).ToXElement()) { To = Juliet });
        var second = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{second.GetAttribute("id")}' from='juliet@example.com/balcony'><stats xmlns='urn:example:stats'/></iq>");
        var error = await Assert.ThrowsAsync<XmppException>(() => broken.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("could not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decorators_add_to_what_is_sent_but_never_to_the_callers_stanza()
    {
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
            context.DecorateOutgoing(stanza => stanza.AddPayload(new XElement(Mark)))));
        await using var harness = await MessagingHarness.ConnectAsync(set);
        var message = new Message(Juliet, "hello");

        await harness.Client.SendAsync(message);
        var sent = await harness.ExpectAsync();

        Assert.NotNull(sent.Element("mark", "urn:example:mark"));
        Assert.False(message.HasPayload(Mark));
    }

    [Fact]
    public async Task An_undecorated_send_goes_out_as_given_and_watchers_still_see_it()
    {
        var watched = new List<string>();
        var set = XmppExtensionSet.Empty.Add(() => new FirstExtension(context =>
        {
            context.DecorateOutgoing(stanza => stanza.AddPayload(new XElement(Mark)));
            context.WatchOutgoing(stanza =>
            {
                lock (watched)
                {
                    watched.Add($"{((Message)stanza).Body} marked={stanza.HasPayload(Mark)}");
                }
            });
        }));
        await using var harness = await MessagingHarness.ConnectAsync(set);

        var id = await harness.Client.SendAsync(new Message(Juliet, "plain"), XmppSendOptions.Undecorated);
        var sent = await harness.ExpectAsync();
        await harness.Client.SendAsync(new Message(Juliet, "decorated"));
        await harness.ExpectAsync();

        Assert.Null(sent.Element("mark", "urn:example:mark"));
        Assert.Equal(id, sent.GetAttribute("id"));
        Assert.Equal(["plain marked=False", "decorated marked=True"], watched);
    }

    [Fact]
    public async Task Built_in_decorations_are_left_out_of_an_undecorated_send()
    {
        await using var harness = await MessagingHarness.ConnectAsync(XmppExtensionSet.Default, async server =>
        {
            var query = await server.ExpectAsync("iq"); // stanza ids ask the account's server what it supports
            await server.SendAsync($"<iq type='result' id='{query.GetAttribute("id")}' from='user@example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            var serverInfo = await server.ExpectAsync("iq"); // carbons ask the server whether it has them (it has not)
            await server.SendAsync($"<iq type='result' id='{serverInfo.GetAttribute("id")}' from='example.com'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
        });
        // To the bare JID: a full JID gets a receipt request only once its client is known to support receipts.
        await harness.Client.SendAsync(new Message(Juliet.Bare, "decorated") { Type = MessageType.Chat });
        var decorated = await harness.ExpectAsync();
        Assert.Equal(["body", "request", "active", "origin-id"], decorated.Elements().Select(child => child.Name));

        await harness.Client.SendAsync(new Message(Juliet.Bare, "as is") { Type = MessageType.Chat }, XmppSendOptions.Undecorated);
        var sent = await harness.ExpectAsync();

        Assert.Equal(["body"], sent.Elements().Select(child => child.Name));
    }
}
