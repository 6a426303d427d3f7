using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Faults;

/// <summary>A test server restarted under a connected client (<see cref="ServersFixture.RestartAsync"/>).</summary>
[Collection(ServersCollection.Name)]
public sealed class ServerRestartTests(ServersFixture fixture)
{
    private static readonly TimeSpan SeeDisconnect = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task After_a_server_restart_the_client_reconnects_by_itself_with_a_new_session(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var before = fixture.Servers.Named(name);
        var options = ClientFactory.Options(fixture.Servers, before) with
        {
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
        };
        await using var connected = await ClientFactory.ConnectedAsync(options);
        var states = new EventWaiter<XmppClientStateChangedEventArgs>();
        connected.StateChanged += states.Handler;
        var reconnections = new EventWaiter<XmppReconnectedEventArgs>();
        connected.Reconnected += reconnections.Handler;

        await fixture.RestartAsync(name, timeout.Token);

        var dropped = await states.NextAsync(e => e.State == XmppClientState.Reconnecting, SeeDisconnect,
            $"the client connected to {name} to see the restart");
        // On TERM the servers say goodbye (system-shutdown), though the connection may close before the client reads it.
        Assert.True(dropped.Error is XmppStreamErrorException { Condition: StreamErrorCondition.SystemShutdown } or XmppConnectionLostException,
            $"Unexpected reason: {dropped.Error}");
        var reconnected = await reconnections.NextAsync(_ => true, SeeDisconnect, $"the client to reconnect to the restarted {name}");
        Assert.False(reconnected.Resumed); // A restart forgets every session.
        Assert.Equal(XmppClientState.Connected, connected.State);
        var after = fixture.Servers.Named(name);
        Assert.Equal(before.Port, after.Port);
        Assert.NotEqual(before.ProcessId, after.ProcessId);

        // The reconnected session works: a ping to the server is answered.
        var pong = await connected.SendIqAsync(new Stanzas.Iq(Stanzas.IqType.Get, new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("ping", "urn:xmpp:ping")))
        {
            To = new Jid(null, after.Domain),
        }, timeout.Token);
        Assert.Equal(Stanzas.IqType.Result, pong.Type);
    }
}
