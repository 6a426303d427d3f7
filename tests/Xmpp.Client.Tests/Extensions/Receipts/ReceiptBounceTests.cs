using Xmpp.Client.Tests.Support;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.Receipts;

public class ReceiptBounceTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("juliet@capulet.lit", "service-unavailable", StanzaErrorCondition.ServiceUnavailable)]
    [InlineData("juliet@capulet.lit/balcony", "recipient-unavailable", StanzaErrorCondition.RecipientUnavailable)]
    [InlineData("capulet.lit", "not-allowed", StanzaErrorCondition.NotAllowed)]
    [InlineData("example.com", "remote-server-not-found", StanzaErrorCondition.RemoteServerNotFound)]
    public async Task A_bounce_of_the_message_fails_the_receipt_wait_at_once_with_its_error(string from, string condition, StanzaErrorCondition expected)
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var id = await harness.Client.SendAsync(new Message(Jid.Parse("juliet@capulet.lit"), "hello"));
        await harness.ExpectAsync();
        var wait = harness.Client.Receipts.WaitForReceiptAsync(id, Long);

        await harness.SendAsync(Bounce(from, id, condition));

        var error = await Assert.ThrowsAsync<XmppMessageErrorException>(() => wait.WaitAsync(Soon));
        Assert.Equal(id, error.MessageId);
        Assert.Equal(expected, error.Error.Condition);
        Assert.Equal(Jid.Parse(from), error.From);
    }

    [Fact]
    public async Task A_bounce_that_arrives_before_the_wait_starts_fails_the_wait_too()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var id = await harness.Client.SendAsync(new Message(Jid.Parse("juliet@capulet.lit"), "hello"));
        await harness.ExpectAsync();
        await harness.SendAsync(Bounce("juliet@capulet.lit", id, "service-unavailable"));
        await harness.SyncAsync();

        var error = await Assert.ThrowsAsync<XmppMessageErrorException>(() => harness.Client.Receipts.WaitForReceiptAsync(id, Long).WaitAsync(Soon));
        Assert.Equal(StanzaErrorCondition.ServiceUnavailable, error.Error.Condition);
    }

    [Fact]
    public async Task An_error_from_someone_off_the_route_does_not_end_the_wait()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Receipts);
        var id = await harness.Client.SendAsync(new Message(Jid.Parse("juliet@capulet.lit"), "hello"));
        await harness.ExpectAsync();
        var wait = harness.Client.Receipts.WaitForReceiptAsync(id, Long);

        await harness.SendAsync(Bounce("mallory@evil.example/x", id, "service-unavailable"));
        await harness.SendAsync(Bounce("evil.example", id, "service-unavailable"));
        await harness.SyncAsync();
        Assert.False(wait.IsCompleted);

        await harness.SendAsync($"<message from='juliet@capulet.lit/balcony'><received xmlns='urn:xmpp:receipts' id='{id}'/></message>");
        Assert.Equal(Jid.Parse("juliet@capulet.lit/balcony"), await wait.WaitAsync(Soon));
    }

    private static string Bounce(string from, string id, string condition) =>
        $"<message from='{from}' id='{id}' type='error'><body>hello</body><request xmlns='urn:xmpp:receipts'/>" +
        $"<error type='cancel'><{condition} xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>";
}
