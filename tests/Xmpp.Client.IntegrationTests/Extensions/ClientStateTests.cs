using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.ClientState;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Client state indication (XEP-0352) on Prosody (mod_csi_simple) and ejabberd (mod_client_state).</summary>
[Collection(ServersCollection.Name)]
public sealed class ClientStateTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task The_server_offers_csi_and_takes_inactive_and_active_with_the_stream_staying_up(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var options = ClientFactory.Options(fixture.Servers, server, "carol") with { Extensions = XmppExtensionSet.Default.Add<ClientStateExtension>() };
        await using var client = await ClientFactory.ConnectedAsync(options);
        var csi = client.GetExtension<ClientStateExtension>();

        Assert.True(csi.IsSupported);
        Assert.True(await csi.SetInactiveAsync());
        await client.Ping.SendAsync();   // an IQ round trip: the server took the nonza without ending the stream
        Assert.True(await csi.SetActiveAsync());
        await client.Ping.SendAsync();
        Assert.Equal(XmppClientState.Connected, client.State);
    }
}
