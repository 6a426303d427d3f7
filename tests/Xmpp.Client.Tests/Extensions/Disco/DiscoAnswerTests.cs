using Xmpp.Client.Extensions;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>What the client answers about itself, and the caps it sends.</summary>
public class DiscoAnswerTests
{
    private static readonly XNamespace Info = ServerScript.DiscoInfo;

    [Fact]
    public async Task Info_about_us_has_the_bot_identity_and_every_enabled_module_feature_sorted_once()
    {
        var answer = new TaskCompletionSource<XElement>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            answer.SetResult(await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo)));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var iq = await answer.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("result", (string?)iq.Attribute("type"));
            var query = iq.Element(Info + "query")!;
            var identity = Assert.Single(query.Elements(Info + "identity"));
            Assert.Equal(("client", "bot", "Xmpp.Client"), ((string?)identity.Attribute("category"), (string?)identity.Attribute("type"), (string?)identity.Attribute("name")));
            var features = query.Elements(Info + "feature").Select(feature => (string)feature.Attribute("var")!).ToList();
            Assert.Equal(features.Distinct().Order(StringComparer.Ordinal), features);
            Assert.Superset(client.Features.Names.ToHashSet(), features.ToHashSet());
            Assert.Superset(
                new HashSet<string> { ServerScript.DiscoInfo, "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/caps", "urn:xmpp:ping", "jabber:iq:version", "urn:xmpp:time" },
                features.ToHashSet());
        }
    }

    [Fact]
    public async Task Features_of_a_switched_off_module_are_not_announced()
    {
        var answer = new TaskCompletionSource<List<string>>();
        var options = TestClients.Options() with { Extensions = OnlyExtensions.Disco, ClientType = "pc", SoftwareName = "Tester" };
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var query = (await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo))).Element(Info + "query")!;
            answer.SetResult([.. query.Elements().Select(child => (string?)child.Attribute("var") ?? $"{child.Attribute("type")?.Value}/{child.Attribute("name")?.Value}")]);
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            Assert.Equal(
                ["pc/Tester", "http://jabber.org/protocol/caps", ServerScript.DiscoInfo, "http://jabber.org/protocol/disco#items", "urn:xmpp:ping"],
                await answer.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Ping_is_not_announced_when_pings_are_not_answered()
    {
        var options = TestClients.Options() with { AnswerPings = false };
        await using var client = new XmppClient(options);
        Assert.DoesNotContain("urn:xmpp:ping", client.Disco.OwnInfo.Features);
        Assert.Contains("jabber:iq:version", client.Disco.OwnInfo.Features);
    }

    [Fact]
    public async Task Caps_node_is_answered_like_the_entity_and_other_nodes_are_item_not_found()
    {
        var answers = new TaskCompletionSource<(XElement Plain, XElement Caps, XElement Other, XElement Items)>();
        string? capsNode = null;
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            var plain = await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo));
            var caps = await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo, capsNode));
            var other = await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo, "urn:other"));
            var items = await server.AskAsync(ServerScript.Query("http://jabber.org/protocol/disco#items"));
            answers.SetResult((plain, caps, other, items));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            capsNode = client.Disco.OwnCapabilities.DiscoNode;
            await client.ConnectAsync();
            var (plain, caps, other, items) = await answers.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var capsQuery = caps.Element(Info + "query")!;
            Assert.Equal(capsNode, (string?)capsQuery.Attribute("node"));
            capsQuery.Attribute("node")!.Remove();
            Assert.Equal(plain.Element(Info + "query")!.ToString(), capsQuery.ToString());
            Assert.Equal("item-not-found", other.Element(XName.Get("error", "jabber:client"))!.Elements().First().Name.LocalName);
            Assert.Empty(items.Elements().Single().Elements());
        }
    }

    [Fact]
    public async Task Caps_go_on_every_available_presence_broadcast_or_directed_and_hash_what_we_answer()
    {
        var sent = new TaskCompletionSource<List<XElement>>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            sent.SetResult([(await server.ExpectPresenceAsync()).ToXElement(), (await server.ExpectPresenceAsync()).ToXElement(), (await server.ExpectPresenceAsync()).ToXElement()]);
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await client.SendAsync(new Presence { Status = "here" });
            await client.SendAsync(new Presence { To = Jid.Parse("room@conference.example.com/me") });
            await client.SendAsync(new Presence(PresenceType.Unavailable));
            var presences = await sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var caps = presences.Select(presence => presence.Element(EntityCapabilities.ElementName)).ToList();
            Assert.NotNull(caps[0]);
            Assert.NotNull(caps[1]); // a room joined with directed presence learns the capabilities too (XEP-0115 §6.1)
            Assert.Null(caps[2]);
            var announced = EntityCapabilities.FromXElement(caps[0]!);
            Assert.Equal("sha-1", announced.Hash);
            Assert.Equal(XmppClientOptions.DefaultCapsNode, announced.Node);
            Assert.Equal(CapsHash.Compute(client.Disco.OwnInfo), announced.Ver);
            Assert.True(CapsHash.IsWellFormed(client.Disco.OwnInfo, out _));
        }
    }

    [Fact]
    public async Task Disco_switched_off_means_no_caps_and_no_disco_answers()
    {
        var seen = new TaskCompletionSource<(XElement Presence, XElement Answer)>();
        var options = TestClients.Options() with { Extensions = XmppExtensionSet.Empty };
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var presence = (await server.ExpectPresenceAsync()).ToXElement();
            seen.SetResult((presence, await server.AskAsync(ServerScript.Query(ServerScript.DiscoInfo))));
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            await client.SendAsync(new Presence());
            var (presence, answer) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Null(presence.Element(EntityCapabilities.ElementName));
            Assert.Equal("error", (string?)answer.Attribute("type"));
            Assert.Throws<InvalidOperationException>(() => client.Disco);
        }
    }
}
