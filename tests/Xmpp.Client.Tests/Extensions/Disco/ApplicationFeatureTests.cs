using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>Features an application announces (<c>client.Disco.AddFeatureAsync</c>): in disco#info and, re-announced, in caps.</summary>
public class ApplicationFeatureTests
{
    private static readonly XNamespace Info = ServerScript.DiscoInfo;
    private static readonly XNamespace Caps = "http://jabber.org/protocol/caps";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_added_feature_is_announced_and_the_presence_is_sent_again_with_new_caps_and_removing_it_undoes_both()
    {
        var presences = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var features = System.Threading.Channels.Channel.CreateUnbounded<List<string>>();
        var ask = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var reading = Task.Run(async () =>
            {
                while (await server.ReadElementAsync() is { } element)
                {
                    if (element.Name == "presence")
                    {
                        await presences.Writer.WriteAsync(element.Element("c", Caps.NamespaceName)?.GetAttribute("ver") ?? "");
                    }
                    else if (element.Name == "iq" && element.GetAttribute("type") == "result")
                    {
                        var query = XElement.Parse(element.ToString()).Element(Info + "query")!;
                        await features.Writer.WriteAsync([.. query.Elements(Info + "feature").Select(f => (string)f.Attribute("var")!)]);
                    }
                }
            });
            while (await ask.Reader.ReadAsync())
            {
                await server.SendAsync($"<iq type='get' id='q{Guid.NewGuid():N}' from='juliet@example.com/a'><query xmlns='{ServerScript.DiscoInfo}'/></iq>");
            }

            await reading;
        });
        await using (client)
        {
            await client.SendAsync(new Presence());
            var before = await presences.Reader.ReadAsync().AsTask().WaitAsync(Wait);

            Assert.True(await client.Disco.AddFeatureAsync("urn:example:stats"));
            var added = await presences.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            await ask.Writer.WriteAsync(true);
            Assert.Contains("urn:example:stats", await features.Reader.ReadAsync().AsTask().WaitAsync(Wait));
            Assert.False(await client.Disco.AddFeatureAsync("urn:example:stats"));

            Assert.True(await client.Disco.RemoveFeatureAsync("urn:example:stats"));
            var removed = await presences.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            await ask.Writer.WriteAsync(true);
            Assert.DoesNotContain("urn:example:stats", await features.Reader.ReadAsync().AsTask().WaitAsync(Wait));

            Assert.NotEqual(before, added);
            Assert.Equal(before, removed);
            Assert.False(await client.Disco.RemoveFeatureAsync("jabber:iq:version")); // a module's own feature stays
        }
    }

    [Fact]
    public async Task A_feature_added_to_the_clients_features_at_run_time_re_announces_the_presence_by_itself()
    {
        var presences = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name == "presence")
                {
                    await presences.Writer.WriteAsync(element.Element("c", Caps.NamespaceName)?.GetAttribute("ver") ?? "");
                }
            }
        });
        await using (client)
        {
            await client.SendAsync(new Presence());
            var before = await presences.Reader.ReadAsync().AsTask().WaitAsync(Wait);

            Assert.True(client.Features.Add("urn:example:live")); // as an extension would, through its context
            var after = await presences.Reader.ReadAsync().AsTask().WaitAsync(Wait);

            Assert.NotEqual(before, after);
            Assert.Equal(client.Disco.OwnCapabilities.Ver, after);
        }
    }

    [Fact]
    public async Task A_feature_name_with_the_caps_separator_is_refused()
    {
        var (client, _) = await TestClients.ConnectedAsync(server => server.UntilClientClosesAsync());
        await using (client)
        {
            await Assert.ThrowsAsync<ArgumentException>(async () => await client.Disco.AddFeatureAsync("urn:a<b"));
        }
    }
}
