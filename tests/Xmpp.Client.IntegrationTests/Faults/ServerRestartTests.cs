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
    public async Task Restart_disconnects_the_connected_client_and_logins_work_again_on_the_same_port(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var before = fixture.Servers.Named(name);
        await using var connected = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, before));
        var states = new EventWaiter<XmppClientStateChangedEventArgs>();
        connected.StateChanged += (_, e) => states.Handler(e);

        await fixture.RestartAsync(name, timeout.Token);

        var dropped = await states.NextAsync(e => e.State == XmppClientState.Disconnected, SeeDisconnect,
            $"the client connected to {name} to see the restart");
        // Both servers say goodbye on TERM: the client learns why, not just that the connection ended.
        var error = Assert.IsType<XmppStreamErrorException>(dropped.Error);
        Assert.Equal(StreamErrorCondition.SystemShutdown, error.Condition);
        Assert.Equal(XmppClientState.Disconnected, connected.State);
        var after = fixture.Servers.Named(name);
        Assert.Equal(before.Port, after.Port);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        await using var fresh = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, after, "bob"));
        Assert.Equal(XmppClientState.Connected, fresh.State);
    }
}
