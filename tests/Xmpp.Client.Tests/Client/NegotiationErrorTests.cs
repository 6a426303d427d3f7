using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class NegotiationErrorTests
{
    private const string Plain = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>";

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("\uFEFF<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n")]
    public async Task A_peer_that_does_not_speak_XMPP_is_named_as_not_an_XMPP_server(string answer)
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.ReadStreamHeaderAsync();
            await server.SendAsync(answer);
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppConnectException>(() => client.ConnectAsync());

            Assert.Contains("in-memory: did not answer like an XMPP server", error.Message, StringComparison.Ordinal);
            var attempt = Assert.Single(error.Attempts);
            Assert.Equal("in-memory", attempt.Endpoint);
            Assert.IsType<XmppXmlException>(attempt.Error); // The parser's detail.
            Assert.Contains("stream header", attempt.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("header", "the stream header")]
    [InlineData("features", "the stream features")]
    [InlineData("sasl", "SASL authentication")]
    [InlineData("bind", "resource binding")]
    public async Task A_silent_server_times_out_with_the_endpoint_and_the_stage_it_stalled_at(string silentAt, string stage)
    {
        var options = TestClients.Options() with { NegotiationTimeout = TimeSpan.FromMilliseconds(300) };
        var (client, _) = TestClients.Create(async server =>
        {
            var header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='x'>";
            switch (silentAt)
            {
                case "header":
                    await server.ReadStreamHeaderAsync();
                    break;
                case "features":
                    await server.ReadStreamHeaderAsync();
                    await server.SendAsync(header);
                    break;
                case "sasl":
                    await server.AcceptStreamAsync(Plain);
                    await server.ExpectAsync("auth");
                    break;
                default:
                    await server.AcceptStreamAsync(Plain);
                    await server.ExpectAsync("auth");
                    await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
                    await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>");
                    await server.ExpectAsync("iq");
                    break;
            }

            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppTimeoutException>(() => client.ConnectAsync());

            Assert.Contains("in-memory", error.Message, StringComparison.Ordinal);
            Assert.Contains("within 0.3 s", error.Message, StringComparison.Ordinal);
            Assert.Contains($"stalled at: {stage}", error.Message, StringComparison.Ordinal);
        }
    }
}
