using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Receipts;

public class ReceiptRequestTests
{
    private const string Ns = "urn:xmpp:receipts";
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");

    [Theory]
    [InlineData(MessageType.Chat)]
    [InlineData(MessageType.Normal)]
    public async Task Request_is_added_to_a_message_with_a_body(MessageType type)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var message = new Message(Juliet, "hello", type);
        var id = await harness.Client.SendAsync(message);
        var sent = await harness.ExpectAsync();
        Assert.NotNull(sent.Element("request", Ns));
        Assert.Equal(id, sent.GetAttribute("id"));
    }

    [Fact]
    public async Task No_request_on_groupchat_headline_bodyless_or_ack_messages()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var ack = new Message { To = Juliet, Body = "odd but possible" };
        ack.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("received", Ns), new System.Xml.Linq.XAttribute("id", "x")));
        Message[] messages =
        [
            new(Jid.Parse("room@muc.example.com"), "to the room", MessageType.Groupchat),
            new(Juliet, "alert", MessageType.Headline),
            new(Juliet, null, MessageType.Chat),
            ack,
        ];
        foreach (var message in messages)
        {
            await harness.Client.SendAsync(message);
            Assert.Null((await harness.ExpectAsync()).Element("request", Ns));
        }
    }

    [Fact]
    public async Task No_request_when_RequestReceipts_is_off_and_one_request_when_the_message_has_its_own()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        harness.Client.Receipts.RequestReceipts = false;
        await harness.Client.SendAsync(new Message(Juliet, "plain"));
        Assert.Null((await harness.ExpectAsync()).Element("request", Ns));

        harness.Client.Receipts.RequestReceipts = true;
        var own = new Message(Juliet, "already asks");
        own.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("request", Ns)));
        await harness.Client.SendAsync(own);
        Assert.Single((await harness.ExpectAsync()).Elements("request", Ns));
    }

    [Fact]
    public async Task Module_switched_off_adds_nothing_and_its_property_says_how_to_switch_it_on()
    {
        await using var harness = await MessagingHarness.ConnectAsync(XmppExtensionSet.Empty);
        await harness.Client.SendAsync(new Message(Juliet, "hello"));
        XmppElement sent = await harness.ExpectAsync();
        Assert.Null(sent.Element("request", Ns));
        var error = Assert.Throws<InvalidOperationException>(() => harness.Client.Receipts);
        Assert.Contains("ReceiptsExtension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipts_feature_is_announced()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        Assert.Contains("urn:xmpp:receipts", harness.Client.Features.Names);
    }
}
