using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class ReconnectTests
{
    private const string StreamError = "<stream:error><{0} xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";

    [Fact]
    public async Task A_dropped_connection_without_stream_management_reconnects_with_a_new_session()
    {
        var connection = 0;
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.ExpectAsync("presence");
                return; // The connection drops.
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            var reconnected = await states.WaitForReconnectionAsync();
            Assert.False(reconnected.Resumed);
            Assert.IsType<XmppConnectionLostException>(reconnected.Cause);
            Assert.Equal(XmppClientState.Connected, client.State);
            Assert.Equal(
                [XmppClientState.Connecting, XmppClientState.Connected, XmppClientState.Reconnecting, XmppClientState.Connected],
                states.States);
            Assert.Equal([null, null], connector.Redirects);
        }
    }

    [Theory]
    [InlineData("system-shutdown")]
    [InlineData("reset")]
    [InlineData("connection-timeout")]
    public async Task A_stream_error_that_invites_a_return_reconnects(string condition)
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.ExpectAsync("presence");
                await server.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, StreamError, condition));
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            var reconnected = await states.WaitForReconnectionAsync();
            Assert.IsType<XmppStreamErrorException>(reconnected.Cause);
        }
    }

    [Theory]
    [InlineData("conflict", StreamErrorCondition.Conflict)]
    [InlineData("not-authorized", StreamErrorCondition.NotAuthorized)]
    [InlineData("policy-violation", StreamErrorCondition.PolicyViolation)]
    [InlineData("host-unknown", StreamErrorCondition.HostUnknown)]
    public async Task A_stream_error_that_says_do_not_come_back_stops_and_says_why(string element, StreamErrorCondition condition)
    {
        var connections = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            Interlocked.Increment(ref connections);
            await server.LoginAsync();
            await server.ExpectAsync("presence");
            await server.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, StreamError, element));
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            var disconnected = await states.WaitForAsync(XmppClientState.Disconnected);
            Assert.Equal(condition, Assert.IsType<XmppStreamErrorException>(disconnected.Error).Condition);
            Assert.DoesNotContain(XmppClientState.Reconnecting, states.States);
            Assert.Equal(1, connections);
        }
    }

    [Fact]
    public async Task See_other_host_on_a_running_session_reconnects_to_the_named_host()
    {
        var connection = 0;
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.ExpectAsync("presence");
                await server.SendAsync("<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>other.example.com:5333</see-other-host></stream:error></stream:stream>");
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);

            await states.WaitForReconnectionAsync();
            Assert.Equal([null, "other.example.com:5333"], connector.Redirects);
        }
    }

    [Fact]
    public async Task Authentication_refused_on_reconnect_stops_the_loop()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginAsync();
                await server.ExpectAsync("presence");
                return;
            }

            await server.AcceptStreamAsync("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>");
            await server.ExpectAsync("auth");
            await server.SendAsync("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            var disconnected = await states.WaitForAsync(XmppClientState.Disconnected);
            Assert.IsType<XmppAuthenticationException>(disconnected.Error);
            Assert.Equal(2, connection);
        }
    }

    [Fact]
    public async Task Gives_up_after_the_configured_number_of_attempts_and_reports_undelivered_stanzas()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginAsync();
                await server.ExpectAsync("presence");
                return;
            }

            // Every later connection closes before the stream opens.
        }, TestClients.Resilient() with { MaxReconnectAttempts = 3 });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            await states.WaitForAsync(XmppClientState.Reconnecting);
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "stuck"));
            var disconnected = await states.WaitForAsync(XmppClientState.Disconnected);
            Assert.IsType<XmppConnectionLostException>(disconnected.Error);
            Assert.Contains("3 times", disconnected.Error!.Message, StringComparison.Ordinal);
            Assert.Equal("stuck", Assert.IsType<Message>(Assert.Single(disconnected.UndeliveredStanzas)).Body);
            Assert.Equal(4, connection);
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "x")).AsTask());
        }
    }

    [Fact]
    public async Task DisconnectAsync_during_a_reconnection_stops_it()
    {
        var connection = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginAsync();
                await server.ExpectAsync("presence");
            }
        }, TestClients.Resilient() with { ReconnectMinDelay = TimeSpan.FromSeconds(30), ReconnectMaxDelay = TimeSpan.FromSeconds(30) });
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            await states.WaitForAsync(XmppClientState.Reconnecting);
            await client.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(XmppClientState.Disconnected, client.State);
            var attempts = connection;
            await Task.Delay(200);
            Assert.Equal(attempts, connection);
            Assert.Null((await states.WaitForAsync(XmppClientState.Disconnected)).Error);
        }
    }

    [Fact]
    public async Task DisconnectAsync_never_triggers_a_reconnection()
    {
        var connections = 0;
        var (client, _) = TestClients.Create(async server =>
        {
            Interlocked.Increment(ref connections);
            await server.LoginAsync();
            await server.UntilClientClosesAsync();
            await server.SendAsync("</stream:stream>");
        }, TestClients.Resilient());
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            await SendPresenceTheServerAnswersByClosingAsync(client);
            await client.DisconnectAsync();
            await states.WaitForAsync(XmppClientState.Disconnected);
            await Task.Delay(200);
            Assert.Equal(1, connections);
            Assert.DoesNotContain(XmppClientState.Reconnecting, states.States);
        }
    }

    /// <summary>
    /// Sends the presence on which each test server ends the connection (a drop, a stream error). The end can overtake
    /// the completion of that very send, which then reports that the session closed under it: the right answer for a
    /// send in flight when a connection ends, and not what these tests are about (seen in CI about once in 20 runs).
    /// </summary>
    private static async Task SendPresenceTheServerAnswersByClosingAsync(XmppClient client)
    {
        try
        {
            await client.SendAsync(new Presence());
        }
        catch (XmppConnectionLostException)
        {
            // The session closed under the send; the test goes on with what follows the close.
        }
    }
}
