using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Benchmarks.Extensions;

/// <summary>
/// What the extensions cost per message on the client, with every built-in on (as in EchoBot): routing a received
/// chat message (body, receipt request, chat state, origin-id) through the routes, and decorating an outgoing chat
/// message (receipt request, active, origin-id; caps only go on presence). The decoration through the public API
/// (<c>AddPayload(XElement)</c>) is compared with building the same elements straight in the stanza's tree.
/// </summary>
[MemoryDiagnoser]
public class ExtensionPipelineBenchmarks
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com/balcony");
    private XmppClient _client = null!;
    private ExtensionHost _host = null!;
    private Message _received = null!;
    private Message _receivedPlain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = new XmppClient(new XmppClientOptions { Jid = Jid.Parse("bot@example.com/bench"), Password = "x", Extensions = XmppExtensionSet.Default });
        _client.Receipts.AnswerRequests = false; // not connected: an answer could not be sent
        _host = _client.ExtensionHost;
        _received = Parse("<message xmlns='jabber:client' from='juliet@example.com/balcony' to='bot@example.com/bench' type='chat' id='m1'><body>hello there</body>"
            + "<request xmlns='urn:xmpp:receipts'/><active xmlns='http://jabber.org/protocol/chatstates'/><origin-id xmlns='urn:xmpp:sid:0' id='m1'/></message>");
        _client.ChatStates.ChatStateReceived += _ =>
        {
            ChatStatesSeen++;
            return Task.CompletedTask;
        };
        _receivedPlain = Parse("<message xmlns='jabber:client' from='juliet@example.com/balcony' to='bot@example.com/bench' type='chat' id='m2'><body>hello there</body></message>");
    }

    /// <summary>How many chat states the routes raised (so a broken route cannot pass for a fast one).</summary>
    public static long ChatStatesSeen { get; private set; }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// chat states raised: {ChatStatesSeen}");
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public bool Route_chat_message_with_receipt_request_and_chat_state() => _host.Router.RouteAsync(_received, default).Result;

    [Benchmark]
    public bool Route_plain_chat_message() => _host.Router.RouteAsync(_receivedPlain, default).Result;

    [Benchmark(Baseline = true)]
    public Message Create_chat_message() => NewMessage();

    [Benchmark]
    public Message Create_and_decorate_chat_message()
    {
        var message = NewMessage();
        _host.PrepareOutgoing(message, decorate: true);
        return message;
    }

    [Benchmark]
    public Message Create_and_add_the_same_elements_to_the_tree()
    {
        var message = NewMessage();
        message.Element.Add(new XmppElement("request", "urn:xmpp:receipts"));
        message.Element.Add(new XmppElement("active", "http://jabber.org/protocol/chatstates"));
        message.Element.Add(new XmppElement("origin-id", "urn:xmpp:sid:0").SetAttribute("id", message.Id));
        return message;
    }

    private static Message NewMessage() => new(Juliet, "You said: hello there") { Type = MessageType.Chat, Id = "r1" };

    private static Message Parse(string xml) => (Message)StanzaFactory.FromElement(XmppElement.FromXElement(XElement.Parse(xml)))!;
}
