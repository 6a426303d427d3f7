using Xmpp.Client.Tests.Support;
namespace Xmpp.Client.Tests.Extensions.Receipts;

public class ReceiptAnswerTests
{
    private const string Ns = "urn:xmpp:receipts";

    [Theory]
    [InlineData("chat")]
    [InlineData("normal")]
    [InlineData("headline")]
    public async Task Request_is_answered_to_the_sender_with_the_same_type_and_the_id_echoed(string type)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.SendAsync($"<message from='juliet@example.com/balcony' id='richard2-4.1.247' type='{type}'><body>dispatch</body><request xmlns='{Ns}'/></message>");
        var ack = await harness.ExpectAsync();
        Assert.Equal("juliet@example.com/balcony", ack.GetAttribute("to"));
        Assert.Equal(type == "normal" ? null : type, ack.GetAttribute("type"));
        Assert.Equal("richard2-4.1.247", ack.Element("received", Ns)?.GetAttribute("id"));
        Assert.Null(ack.Element("request", Ns));
        Assert.Null(ack.Element("body", "jabber:client"));
        Assert.NotEqual("richard2-4.1.247", ack.GetAttribute("id"));
    }

    [Fact]
    public async Task Requests_in_error_groupchat_id_less_sender_less_or_ack_messages_are_not_answered()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.SendAsync($"<message from='juliet@example.com/b' id='e1' type='error'><request xmlns='{Ns}'/><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");
        await harness.SendAsync($"<message from='room@muc.example.com/nick' id='g1' type='groupchat'><body>hi all</body><request xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' type='chat'><body>no id</body><request xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message id='s1' type='chat'><body>no sender</body><request xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' id='a1'><received xmlns='{Ns}' id='m0'/><request xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/b' id='last' type='chat'><body>answer me</body><request xmlns='{Ns}'/></message>");
        var ack = await harness.ExpectAsync();
        Assert.Equal("last", ack.Element("received", Ns)?.GetAttribute("id"));
    }

    [Fact]
    public async Task AnswerFilter_and_AnswerRequests_stop_answers()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        harness.Client.Receipts.AnswerFilter = message => message.From?.Bare == Jid.Parse("friend@example.com");
        await harness.SendAsync($"<message from='stranger@example.com/x' id='m1' type='chat'><body>hi</body><request xmlns='{Ns}'/></message>");
        await harness.SendAsync($"<message from='friend@example.com/x' id='m2' type='chat'><body>hi</body><request xmlns='{Ns}'/></message>");
        Assert.Equal("m2", (await harness.ExpectAsync()).Element("received", Ns)?.GetAttribute("id"));

        harness.Client.Receipts.AnswerFilter = _ => throw new InvalidOperationException("filter bug");
        await harness.SendAsync($"<message from='friend@example.com/x' id='m3' type='chat'><body>hi</body><request xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        harness.Client.Receipts.AnswerFilter = null;
        harness.Client.Receipts.AnswerRequests = false;
        await harness.SendAsync($"<message from='friend@example.com/x' id='m4' type='chat'><body>hi</body><request xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        harness.Client.Receipts.AnswerRequests = true;
        await harness.SendAsync($"<message from='friend@example.com/x' id='m5' type='chat'><body>hi</body><request xmlns='{Ns}'/></message>");
        Assert.Equal("m5", (await harness.ExpectAsync()).Element("received", Ns)?.GetAttribute("id"));
    }
}
