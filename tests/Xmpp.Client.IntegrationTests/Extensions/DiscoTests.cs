using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Service discovery and entity capabilities against Prosody and ejabberd, as the account 'bot'.</summary>
[Collection(ServersCollection.Name)]
public sealed class DiscoTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Disco_info_of_the_server_has_the_im_server_identity_and_its_features(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot"));
        var info = await client.Disco.GetInfoAsync(Jid.Parse(server.Domain)).WaitAsync(Wait);
        Assert.True(info.HasIdentity("server", "im"), string.Join(", ", info.Identities));
        Assert.True(info.HasFeature("urn:xmpp:ping"), string.Join(", ", info.Features));
        Assert.True(info.HasFeature("jabber:iq:version"));
        Assert.True(info.HasFeature("urn:xmpp:time"));
        Assert.True(info.HasFeature("http://jabber.org/protocol/disco#info"));
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Disco_items_of_the_server_are_read(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot"));
        var items = await client.Disco.GetItemsAsync(Jid.Parse(server.Domain)).WaitAsync(Wait);
        Assert.All(items, item => Assert.False(item.Jid.IsEmpty));
        if (serverName == "ejabberd")
        {
            // mod_pubsub runs its service on pubsub.<domain>.
            Assert.Contains(items, item => item.Jid.Domain == $"pubsub.{server.Domain}");
        }
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Disco_info_of_our_other_resource_is_answered_by_its_module(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var first = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "disco-a"));
        await using var second = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "disco-b") with { ClientType = "pc" });
        var info = await first.Disco.GetInfoAsync(second.BoundJid!.Value).WaitAsync(Wait);
        Assert.True(info.HasIdentity("client", "pc"));
        Assert.True(info.HasFeature("http://jabber.org/protocol/caps"));
        Assert.Equal(second.Disco.OwnCapabilities.Ver, CapsHash.Compute(info));
        var items = await first.Disco.GetItemsAsync(second.BoundJid!.Value).WaitAsync(Wait);
        Assert.Empty(items);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Caps_in_the_presence_of_our_other_resource_are_verified_and_cached(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var first = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "caps-a"));
        await using var second = await ClientFactory.ConnectedAsync(
            ClientFactory.Options(fixture.Servers, server, "bot", "caps-b") with { ClientType = "console", SoftwareName = "Caps Test" });
        var secondJid = second.BoundJid!.Value;
        var firstJid = first.BoundJid!.Value;
        var echo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new TaskCompletionSource<Presence>(TaskCreationOptions.RunContinuationsAsynchronously);
        first.PresenceReceived += presence =>
        {
            if (presence.From == firstJid)
            {
                echo.TrySetResult();
            }
            else if (presence.From == secondJid && presence.Type == PresenceType.Available)
            {
                seen.TrySetResult(presence);
            }

            return Task.CompletedTask;
        };

        // The first resource is available (its own presence came back) before the second one announces itself.
        await first.SendAsync(new Presence());
        await echo.Task.WaitAsync(Wait);
        await second.SendAsync(new Presence());
        var received = await seen.Task.WaitAsync(Wait);
        var caps = received.GetPayload<EntityCapabilities>();
        Assert.NotNull(caps);
        Assert.Equal(second.Disco.OwnCapabilities, caps);

        var info = await first.Disco.GetCapabilitiesAsync(secondJid).WaitAsync(Wait);
        Assert.NotNull(info);
        Assert.True(info.HasIdentity("client", "console"));
        Assert.Equal(second.Disco.OwnInfo.Features, info.Features);
        Assert.True(first.Disco.TryGetCapabilities(secondJid, out var cached));
        Assert.Same(info, cached);
    }
}
