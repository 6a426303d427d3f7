using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>The account's server's disco#info: asked once per session for every extension.</summary>
public class ServerInfoTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_servers_info_is_asked_once_and_shared_by_every_caller()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Disco);

        var first = live.Client.Disco.GetServerInfoAsync();
        var second = live.Client.Disco.GetServerInfoAsync();
        var request = await live.AnswerAsync(id =>
            $"<iq type='result' id='{id}' from='example.com'><query xmlns='{ServerScript.DiscoInfo}'><identity category='server' type='im'/><feature var='urn:xmpp:carbons:2'/></query></iq>");

        Assert.Equal("example.com", request.GetAttribute("to"));
        Assert.True((await first.WaitAsync(Wait)).HasFeature("urn:xmpp:carbons:2"));
        Assert.Same(await first, await second);
        Assert.Same(await first, await live.Client.Disco.GetServerInfoAsync().WaitAsync(Wait));
    }

    [Fact]
    public async Task A_failed_answer_is_not_remembered()
    {
        await using var live = await LiveServer.StartAsync(OnlyExtensions.Disco);

        var failing = live.Client.Disco.GetServerInfoAsync();
        await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='example.com'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        await Assert.ThrowsAsync<XmppIqErrorException>(() => failing.WaitAsync(Wait));

        var again = live.Client.Disco.GetServerInfoAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='example.com'><query xmlns='{ServerScript.DiscoInfo}'/></iq>");
        Assert.NotNull(await again.WaitAsync(Wait));
    }
}
