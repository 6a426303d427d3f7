using Xmpp.Client.Tests.Support;
using Xmpp.Client.Extensions.Receipts;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.Receipts;

public class ReceiptWaitTests
{
    private const string Ns = "urn:xmpp:receipts";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitForReceiptAsync_completes_with_the_resource_that_acknowledged()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var message = new Message(Jid.Parse("juliet@example.com"), "hello");
        var sentId = await harness.Client.SendAsync(message);
        var id = (await harness.ExpectAsync()).GetAttribute("id");
        Assert.Equal(sentId, id);
        var wait = harness.Client.Receipts.WaitForReceiptAsync(sentId, Long);
        await harness.SendAsync($"<message from='juliet@example.com/phone' id='ack1'><received xmlns='{Ns}' id='{id}'/></message>");
        Assert.Equal(Jid.Parse("juliet@example.com/phone"), await wait.WaitAsync(Long));
    }

    [Fact]
    public async Task Receipt_from_someone_other_than_the_recipient_does_not_complete_the_wait()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await harness.SendAsync($"<message from='juliet@example.com/balcony'><received xmlns='{Ns}' id='earlier'/></message>");
        await harness.SyncAsync(); // juliet's client now shows it supports receipts: a request goes to its full JID
        var message = new Message(Jid.Parse("juliet@example.com/balcony"), "hello");
        var id = await harness.Client.SendAsync(message);
        await harness.ExpectAsync();
        var wait = harness.Client.Receipts.WaitForReceiptAsync(id, Long);
        await harness.SendAsync($"<message from='mallory@example.com/x'><received xmlns='{Ns}' id='{id}'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/balcony' type='error'><received xmlns='{Ns}' id='{id}'/></message>");
        await harness.SyncAsync();
        Assert.False(wait.IsCompleted);
        await harness.SendAsync($"<message from='juliet@example.com/balcony'><received xmlns='{Ns}' id='{id}'/></message>");
        Assert.Equal(Jid.Parse("juliet@example.com/balcony"), await wait.WaitAsync(Long));
    }

    [Fact]
    public async Task Receipt_that_arrives_before_the_wait_starts_is_not_lost()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var message = new Message(Jid.Parse("juliet@example.com"), "hello");
        var id = await harness.Client.SendAsync(message);
        await harness.ExpectAsync();
        await harness.SendAsync($"<message from='juliet@example.com/a'><received xmlns='{Ns}' id='{id}'/></message>");
        await harness.SyncAsync();
        var wait = harness.Client.Receipts.WaitForReceiptAsync(id, Long);
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitForReceiptAsync_for_a_message_without_a_request_throws_and_an_unanswered_one_times_out()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.Receipts.WaitForReceiptAsync("never-sent", Long));
        var groupchat = new Message(Jid.Parse("room@muc.example.com"), "hi", MessageType.Groupchat);
        var groupchatId = await harness.Client.SendAsync(groupchat);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.Receipts.WaitForReceiptAsync(groupchatId, Long));

        var message = new Message(Jid.Parse("juliet@example.com"), "hello");
        var id = await harness.Client.SendAsync(message);
        await Assert.ThrowsAsync<XmppTimeoutException>(() => harness.Client.Receipts.WaitForReceiptAsync(id, TimeSpan.Zero));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.Receipts.WaitForReceiptAsync(id, Long, cancelled.Token));
    }

    [Fact]
    public async Task ReceiptReceived_is_raised_for_every_receipt_and_the_message_still_reaches_MessageReceived()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var receipts = new List<DeliveryReceipt>();
        var messages = new List<string?>();
        harness.Client.Receipts.ReceiptReceived += receipt =>
        {
            receipts.Add(receipt);
            return Task.CompletedTask;
        };
        harness.Client.MessageReceived += message =>
        {
            messages.Add(message.Id);
            return Task.CompletedTask;
        };
        await harness.SendAsync($"<message from='juliet@example.com/a' id='r1'><received xmlns='{Ns}' id='untracked'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/a' id='r2' type='error'><received xmlns='{Ns}' id='bounced'/></message>");
        await harness.SendAsync($"<message from='juliet@example.com/a' id='r3'><received xmlns='{Ns}'/></message>");
        await harness.SyncAsync();
        var receipt = Assert.Single(receipts);
        Assert.Equal((Jid.Parse("juliet@example.com/a"), "untracked", "r1"), (receipt.From, receipt.MessageId, receipt.Message.Id));
        Assert.Equal(["r1", "r2", "r3"], messages.Take(3));
    }

    [Fact]
    public void Tracking_forgets_the_oldest_request_beyond_its_capacity()
    {
        var pending = new PendingReceipts(capacity: 2);
        var juliet = Jid.Parse("juliet@example.com");
        pending.Track("a", juliet);
        pending.Track("b", juliet);
        pending.Track("a", juliet); // sent again: now the newest
        pending.Track("c", juliet);
        Assert.Null(pending.Find("b"));
        Assert.NotNull(pending.Find("a"));
        Assert.NotNull(pending.Find("c"));
        Assert.Equal(2, pending.Count);
        Assert.False(pending.TryComplete("b", juliet.WithResource("r")));
        Assert.True(pending.TryComplete("c", juliet.WithResource("r")));
    }
}
