using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class NegotiationTests
{
    private const string Plain = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>";

    [Fact]
    public async Task ConnectAsync_binds_the_requested_resource_and_reports_connected()
    {
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        await using (client)
        {
            Assert.Equal(XmppClientState.Connected, client.State);
            Assert.Equal(Jid.Parse("user@example.com/test"), client.BoundJid);
        }
    }

    [Fact]
    public async Task Server_without_starttls_is_refused_before_any_credential_is_sent()
    {
        FakeServer? seen = null;
        var options = TestClients.Options() with { TlsMode = TlsMode.Required };
        var (client, connector) = TestClients.Create(async server =>
        {
            seen = server;
            await server.AcceptStreamAsync(Plain);
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppTlsException>(() => client.ConnectAsync());
            Assert.Contains("STARTTLS", error.Message, StringComparison.Ordinal);
            await connector.ServersCompletion.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(seen!.Received, xml => xml.Contains("auth", StringComparison.Ordinal));
            Assert.Equal(XmppClientState.Disconnected, client.State);
        }
    }

    [Theory]
    [InlineData("header")]
    [InlineData("auth")]
    [InlineData("bind")]
    public async Task A_stream_error_at_each_stage_becomes_XmppStreamErrorException(string stage)
    {
        const string error = "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/><text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>nope</text></stream:error></stream:stream>";
        var (client, _) = TestClients.Create(async server =>
        {
            if (stage == "header")
            {
                await server.ReadStreamHeaderAsync();
                await server.SendAsync($"<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='x'>{error}");
                return;
            }

            await server.AcceptStreamAsync(Plain);
            await server.ExpectAsync("auth");
            if (stage == "auth")
            {
                await server.SendAsync(error);
                return;
            }

            await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>");
            await server.ExpectAsync("iq");
            await server.SendAsync(error);
        });
        await using (client)
        {
            var failure = await Assert.ThrowsAsync<XmppStreamErrorException>(() => client.ConnectAsync());
            Assert.Equal(StreamErrorCondition.HostUnknown, failure.Condition);
            Assert.Equal("nope", failure.Text);
            Assert.False(failure.SentByClient);
        }
    }

    [Theory]
    [InlineData("before-header")]
    [InlineData("after-features")]
    [InlineData("during-auth")]
    [InlineData("during-bind")]
    public async Task Server_closing_mid_negotiation_is_XmppConnectionLostException_without_a_hang(string stage)
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.ReadStreamHeaderAsync();
            if (stage == "before-header")
            {
                return;
            }

            await server.SendAsync($"<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='x'><stream:features>{Plain}</stream:features>");
            if (stage == "after-features")
            {
                return;
            }

            await server.ExpectAsync("auth");
            if (stage == "during-auth")
            {
                return;
            }

            await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>");
            await server.ExpectAsync("iq");
        });
        await using (client)
        {
            await Assert.ThrowsAsync<XmppConnectionLostException>(() => client.ConnectAsync()).WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task A_silent_server_fails_with_XmppTimeoutException_after_the_negotiation_timeout()
    {
        var options = TestClients.Options() with { NegotiationTimeout = TimeSpan.FromMilliseconds(300) };
        var (client, _) = TestClients.Create(async server =>
        {
            await server.ReadStreamHeaderAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
        }, options);
        await using (client)
        {
            await Assert.ThrowsAsync<XmppTimeoutException>(() => client.ConnectAsync());
        }
    }

    [Fact]
    public async Task See_other_host_is_followed_once()
    {
        var connections = 0;
        var (client, connector) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connections) == 1)
            {
                await server.ReadStreamHeaderAsync();
                await server.SendAsync("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='x'>" +
                                       "<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>other.example.com:5223</see-other-host></stream:error></stream:stream>");
                return;
            }

            await server.LoginAsync();
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal([null, "other.example.com:5223"], connector.Redirects);
        }
    }

    [Fact]
    public async Task A_second_see_other_host_is_an_error()
    {
        var (client, connector) = TestClients.Create(async server =>
        {
            await server.ReadStreamHeaderAsync();
            await server.SendAsync("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0' id='x'>" +
                                   "<stream:error><see-other-host xmlns='urn:ietf:params:xml:ns:xmpp-streams'>loop.example.com</see-other-host></stream:error></stream:stream>");
        });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppStreamErrorException>(() => client.ConnectAsync());
            Assert.Equal(StreamErrorCondition.SeeOtherHost, error.Condition);
            Assert.Equal(2, connector.Redirects.Count);
        }
    }

    [Fact]
    public async Task A_required_legacy_session_is_established_after_binding()
    {
        var sessionRequested = new TaskCompletionSource<bool>();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.AcceptStreamAsync(Plain);
            await server.ExpectAsync("auth");
            await server.SendAsync("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            await server.AcceptStreamAsync("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/>");
            var bind = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{bind.GetAttribute("id")}'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>user@example.com/r</jid></bind></iq>");
            var session = await server.ExpectAsync("iq");
            sessionRequested.SetResult(session.Element("session", "urn:ietf:params:xml:ns:xmpp-session") is not null);
            await server.SendAsync($"<iq type='result' id='{session.GetAttribute("id")}'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await client.ConnectAsync();
            Assert.True(await sessionRequested.Task);
        }
    }

    [Fact]
    public async Task A_sasl_failure_becomes_XmppAuthenticationException_with_the_condition()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.AcceptStreamAsync(Plain);
            await server.ExpectAsync("auth");
            await server.SendAsync("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/><text>Wrong password</text></failure>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppAuthenticationException>(() => client.ConnectAsync());
            Assert.Equal(SaslFailureCondition.NotAuthorized, error.Condition);
        }
    }
}
