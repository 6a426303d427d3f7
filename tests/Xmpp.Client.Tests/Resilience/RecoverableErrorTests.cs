using System.Text;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class RecoverableErrorTests
{
    [Theory]
    [InlineData(StreamErrorCondition.NotWellFormed)]
    [InlineData(StreamErrorCondition.RestrictedXml)]
    [InlineData(StreamErrorCondition.InvalidXml)]
    [InlineData(StreamErrorCondition.BadFormat)]
    [InlineData(StreamErrorCondition.BadNamespacePrefix)]
    [InlineData(StreamErrorCondition.InvalidNamespace)]
    [InlineData(StreamErrorCondition.UnsupportedEncoding)]
    [InlineData(StreamErrorCondition.PolicyViolation)]
    [InlineData(StreamErrorCondition.UnsupportedStanzaType)]
    [InlineData(StreamErrorCondition.UndefinedCondition)]
    public void A_stream_error_the_client_sent_because_the_server_broke_the_stream_is_recoverable(StreamErrorCondition condition)
    {
        Assert.True(ReconnectPolicy.IsRecoverable(new XmppStreamErrorException(condition, "broken", sentByClient: true)));
    }

    [Theory]
    [InlineData(StreamErrorCondition.Conflict)]
    [InlineData(StreamErrorCondition.NotAuthorized)]
    [InlineData(StreamErrorCondition.PolicyViolation)]
    [InlineData(StreamErrorCondition.HostUnknown)]
    [InlineData(StreamErrorCondition.HostGone)]
    [InlineData(StreamErrorCondition.UnsupportedVersion)]
    public void A_final_stream_error_the_server_sent_is_not_recoverable(StreamErrorCondition condition)
    {
        Assert.False(ReconnectPolicy.IsRecoverable(new XmppStreamErrorException(condition, null)));
    }

    [Fact]
    public async Task Invalid_UTF_8_from_the_server_ends_the_stream_and_the_client_reconnects()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.ExpectAsync("message");
                await server.SendBytesAsync([.. Encoding.UTF8.GetBytes("<message><body>"), 0xFF, .. Encoding.UTF8.GetBytes("</body></message>")]);
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hi"));
            var reconnected = await states.WaitForReconnectionAsync();
            var cause = Assert.IsType<XmppStreamErrorException>(reconnected.Cause);
            Assert.Equal(StreamErrorCondition.UnsupportedEncoding, cause.Condition);
            Assert.True(cause.SentByClient);
        }
    }
}
