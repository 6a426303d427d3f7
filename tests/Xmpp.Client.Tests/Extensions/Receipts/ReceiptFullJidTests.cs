using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Receipts;

/// <summary>XEP-0184 §5: to a full JID, a request only once that client is known to support receipts.</summary>
public class ReceiptFullJidTests
{
    private const string Ns = "urn:xmpp:receipts";
    private const string Phone = "juliet@example.com/phone";

    [Fact]
    public async Task No_request_to_a_full_jid_nothing_is_known_about()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.Client.SendAsync(new Message(Jid.Parse(Phone), "hello"));
        Assert.Null((await harness.ExpectAsync()).Element("request", Ns));
    }

    [Fact]
    public async Task No_request_to_a_full_jid_whose_messages_came_without_any_receipt_element()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.SendAsync($"<message from='{Phone}' type='chat' id='m1'><body>hi</body></message>");
        await harness.SyncAsync();
        await harness.Client.SendAsync(new Message(Jid.Parse(Phone), "hello"));
        Assert.Null((await harness.ExpectAsync()).Element("request", Ns));
    }

    [Theory]
    [InlineData("<request xmlns='urn:xmpp:receipts'/>")]
    [InlineData("<received xmlns='urn:xmpp:receipts' id='other'/>")]
    public async Task Request_to_a_full_jid_whose_messages_asked_for_or_carried_a_receipt(string receiptElement)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        harness.Client.Receipts.AnswerRequests = false;
        await harness.SendAsync($"<message from='{Phone}' type='chat' id='m1'><body>hi</body>{receiptElement}</message>");
        await harness.SyncAsync();
        var id = await harness.Client.SendAsync(new Message(Jid.Parse(Phone), "hello"));
        Assert.NotNull((await harness.ExpectAsync()).Element("request", Ns));
        await Assert.ThrowsAsync<XmppTimeoutException>(() => harness.Client.Receipts.WaitForReceiptAsync(id, TimeSpan.FromMilliseconds(10)));

        // Another resource of the same account is another client.
        await harness.Client.SendAsync(new Message(Jid.Parse("juliet@example.com/laptop"), "hello"));
        Assert.Null((await harness.ExpectAsync()).Element("request", Ns));
    }

    [Fact]
    public async Task Bare_jids_still_get_a_request()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.Client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hello"));
        Assert.NotNull((await harness.ExpectAsync()).Element("request", Ns));
    }

    [Fact]
    public async Task Caps_decide_for_a_full_jid_they_describe()
    {
        var withReceipts = new DiscoInfo([new DiscoIdentity("client", "phone")], [DiscoNamespaces.Info, Ns]);
        var without = new DiscoInfo([new DiscoIdentity("client", "pc")], [DiscoNamespaces.Info]);
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Disco.Add<ReceiptsExtension>());
        harness.Client.Receipts.AnswerRequests = false;
        const string Laptop = "juliet@example.com/laptop";
        await AnnounceAsync(harness, Phone, withReceipts);
        await AnnounceAsync(harness, Laptop, without);

        await harness.Client.SendAsync(new Message(Jid.Parse(Phone), "hello"));
        Assert.NotNull((await harness.ExpectAsync()).Element("request", Ns));

        // Caps without receipts outweigh a request seen from that client.
        await harness.SendAsync($"<message from='{Laptop}' type='chat' id='m1'><body>hi</body><request xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        await harness.Client.SendAsync(new Message(Jid.Parse(Laptop), "hello"));
        Assert.Null((await harness.ExpectAsync()).Element("request", Ns));
    }

    [Fact]
    public async Task A_request_added_by_the_caller_is_sent_to_any_full_jid()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var own = new Message(Jid.Parse(Phone), "asks anyway");
        own.AddPayload(new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("request", Ns)));
        var id = await harness.Client.SendAsync(own);
        Assert.Single((await harness.ExpectAsync()).Elements("request", Ns));
        await Assert.ThrowsAsync<XmppTimeoutException>(() => harness.Client.Receipts.WaitForReceiptAsync(id, TimeSpan.FromMilliseconds(10)));
    }

    private static async Task AnnounceAsync(MessagingHarness harness, string from, DiscoInfo info)
    {
        var ver = CapsHash.Compute(info);
        await harness.SendAsync($"<presence from='{from}'><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://example.com/client' ver='{ver}'/></presence>");
        XmppElement get = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}' from='{from}'>" +
            info.WithNode($"http://example.com/client#{ver}").ToXElement().ToString(System.Xml.Linq.SaveOptions.DisableFormatting) + "</iq>");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!harness.Client.Disco.TryGetCapabilities(Jid.Parse(from), out _))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The caps of {from} were not cached.");
            await Task.Delay(5);
        }
    }
}
