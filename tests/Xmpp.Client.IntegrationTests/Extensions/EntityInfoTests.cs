using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Ping, software version and entity time against Prosody and ejabberd, as the account 'bot'.</summary>
[Collection(ServersCollection.Name)]
public sealed class EntityInfoTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Pings_the_server_and_our_other_resource(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var first = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "ping-a"));
        await using var second = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "ping-b"));
        Assert.True(await first.Ping.SendAsync().WaitAsync(Wait) > TimeSpan.Zero);
        Assert.True(await first.Ping.SendAsync(Jid.Parse(server.Domain)).WaitAsync(Wait) > TimeSpan.Zero);
        Assert.True(await first.Ping.SendAsync(second.BoundJid).WaitAsync(Wait) > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Software_version_and_time_of_the_server(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var client = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot"));
        var version = await client.SoftwareVersion.GetAsync(Jid.Parse(server.Domain)).WaitAsync(Wait);
        Assert.Contains(serverName, version.Name, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(version.Version);

        var time = await client.EntityTime.GetAsync(Jid.Parse(server.Domain)).WaitAsync(Wait);
        Assert.InRange(time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Software_version_and_time_of_our_other_resource_are_answered_by_its_module(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var first = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot", "info-a"));
        await using var second = await ClientFactory.ConnectedAsync(
            ClientFactory.Options(fixture.Servers, server, "bot", "info-b") with { SoftwareName = "Integration Bot", SoftwareVersion = "7.7" });
        var other = second.BoundJid!.Value;

        var version = await first.SoftwareVersion.GetAsync(other).WaitAsync(Wait);
        Assert.Equal(new Client.Extensions.SoftwareVersion.SoftwareVersionInfo("Integration Bot", "7.7"), version);

        var before = DateTimeOffset.UtcNow;
        var time = await first.EntityTime.GetAsync(other).WaitAsync(Wait);
        Assert.InRange(time, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(time.UtcDateTime), time.Offset);
    }
}
