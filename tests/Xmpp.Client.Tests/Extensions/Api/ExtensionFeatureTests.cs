using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Tests.Extensions.Disco;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>Features and identities extensions announce: in disco#info and in the capabilities hash.</summary>
public class ExtensionFeatureTests
{
    private static readonly XNamespace Info = ServerScript.DiscoInfo;

    [Fact]
    public async Task An_extensions_feature_and_identity_are_in_disco_info_and_in_the_capabilities()
    {
        var set = OnlyExtensions.Disco.Add(() => new FirstExtension(context =>
        {
            context.AddFeature("urn:example:stats");
            context.AddIdentity(new DiscoIdentity("gateway", "irc", "IRC bridge"));
        }));
        var answer = new TaskCompletionSource<XElement>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            answer.SetResult(await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo)));
            await server.UntilClientClosesAsync();
        }, TestClients.Options() with { Extensions = set });
        await using (client)
        {
            var query = (await answer.Task.WaitAsync(TimeSpan.FromSeconds(10))).Element(Info + "query")!;
            Assert.Equal(
                ["client/bot", "gateway/irc"],
                query.Elements(Info + "identity").Select(identity => $"{identity.Attribute("category")?.Value}/{identity.Attribute("type")?.Value}"));
            Assert.Contains("urn:example:stats", query.Elements(Info + "feature").Select(feature => (string?)feature.Attribute("var")));

            await using var plain = new XmppClient(TestClients.Options() with { Extensions = OnlyExtensions.Disco });
            Assert.NotEqual(plain.Disco.OwnCapabilities.Ver, client.Disco.OwnCapabilities.Ver);
            Assert.Equal(CapsHash.Compute(client.Disco.OwnInfo), client.Disco.OwnCapabilities.Ver);
        }
    }

    [Fact]
    public async Task A_feature_added_while_an_earlier_extension_initialised_does_not_hide_the_later_extensions_fixed_ones()
    {
        var set = OnlyExtensions.Disco
            .Add(() => new FirstExtension(context => context.Features.Add("urn:example:early+notify")))
            .Add(() => new SecondExtension(context => context.AddFeature("urn:example:late")));
        await using var client = new XmppClient(TestClients.Options() with { Extensions = set });

        Assert.Contains("urn:example:early+notify", client.Disco.OwnInfo.Features);
        Assert.Contains("urn:example:late", client.Disco.OwnInfo.Features);
    }

    [Fact]
    public async Task Features_added_while_running_can_be_removed_but_an_extensions_own_stay()
    {
        var set = OnlyExtensions.Disco.Add(() => new FirstExtension(context => context.AddFeature("urn:example:fixed")));
        await using var client = new XmppClient(TestClients.Options() with { Extensions = set });
        var before = client.Disco.OwnCapabilities.Ver;

        Assert.True(client.Features.Add("urn:example:dynamic"));
        Assert.False(client.Features.Add("urn:example:fixed"));
        Assert.Contains("urn:example:dynamic", client.Disco.OwnInfo.Features);
        Assert.NotEqual(before, client.Disco.OwnCapabilities.Ver);

        Assert.False(client.Features.Remove("urn:example:fixed"));
        Assert.True(client.Features.Remove("urn:example:dynamic"));
        Assert.Equal(before, client.Disco.OwnCapabilities.Ver);
        Assert.Throws<ArgumentException>(() => client.Features.Add("urn:example:<bad"));
    }

    [Fact]
    public void An_identity_with_a_caps_separator_is_refused_when_the_client_is_created()
    {
        var set = OnlyExtensions.Disco.Add(() => new FirstExtension(context => context.AddIdentity(new DiscoIdentity("gateway", "irc", "a<b"))));

        Assert.Throws<ArgumentException>(() => new XmppClient(TestClients.Options() with { Extensions = set }));
    }
}
