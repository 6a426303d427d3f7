using Xmpp.Client.Extensions.EntityTime;
using System.Xml.Linq;
using Xmpp.Client.Extensions.SoftwareVersion;
using Xmpp.Client.Tests.Extensions.Disco;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.EntityInfo;

/// <summary>What the client answers: software version and entity time.</summary>
public class EntityInfoAnswerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Version_answer_names_the_software_and_leaves_out_the_os_by_default()
    {
        var answer = new TaskCompletionSource<XElement>();
        var options = TestClients.Options() with { SoftwareName = "EchoBot", SoftwareVersion = "1.2.3" };
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            answer.SetResult(await server.AskAsync(new XElement(SoftwareVersionInfo.ElementName)));
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            var iq = await answer.Task.WaitAsync(Wait);
            Assert.Equal("result", (string?)iq.Attribute("type"));
            Assert.Equal("juliet@example.com/balcony", (string?)iq.Attribute("to"));
            Assert.Equal(new SoftwareVersionInfo("EchoBot", "1.2.3"), SoftwareVersionInfo.FromXElement(iq.Element(SoftwareVersionInfo.ElementName)!));
            Assert.Null(iq.Element(SoftwareVersionInfo.ElementName)!.Element(XName.Get("os", "jabber:iq:version")));
        }
    }

    [Fact]
    public async Task Version_answer_includes_the_os_when_asked_to_and_defaults_to_the_library_version()
    {
        var answer = new TaskCompletionSource<XElement>();
        var options = TestClients.Options() with { AnnounceOperatingSystem = true };
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            answer.SetResult(await server.AskAsync(new XElement(SoftwareVersionInfo.ElementName)));
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            var version = SoftwareVersionInfo.FromXElement((await answer.Task.WaitAsync(Wait)).Element(SoftwareVersionInfo.ElementName)!);
            Assert.Equal("Xmpp.Client", version.Name);
            Assert.StartsWith("0.", version.Version, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(version.OperatingSystem));
        }
    }

    [Fact]
    public async Task Time_answer_is_utc_now_with_the_local_offset_and_parses_back()
    {
        var answer = new TaskCompletionSource<XElement>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            answer.SetResult(await server.AskAsync(new XElement(EntityTimeXml.ElementName)));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var before = DateTimeOffset.UtcNow;
            var iq = await answer.Task.WaitAsync(Wait);
            Assert.Equal("result", (string?)iq.Attribute("type"));
            Assert.True(EntityTimeXml.TryParse(iq.Element(EntityTimeXml.ElementName)!, out var time));
            Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(time.UtcDateTime), time.Offset);
            Assert.EndsWith("Z", iq.Element(EntityTimeXml.ElementName)!.Element(XName.Get("utc", EntityTimeXml.Namespace))!.Value, StringComparison.Ordinal);
            // The answer was made between connecting (before 'before') and now; allow for the millisecond rounding.
            Assert.InRange(time, before - Wait, DateTimeOffset.UtcNow.AddMilliseconds(1));
        }
    }

    [Fact]
    public async Task Modules_switched_off_leave_version_and_time_unanswered()
    {
        var answers = new TaskCompletionSource<(XElement Version, XElement Time)>();
        var options = TestClients.Options() with { Extensions = OnlyExtensions.Disco };
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var version = await server.AskAsync(new XElement(SoftwareVersionInfo.ElementName));
            answers.SetResult((version, await server.AskAsync(new XElement(EntityTimeXml.ElementName))));
            await server.UntilClientClosesAsync();
        }, options);
        await using (client)
        {
            var (version, time) = await answers.Task.WaitAsync(Wait);
            Assert.Equal("error", (string?)version.Attribute("type"));
            Assert.Equal("error", (string?)time.Attribute("type"));
            Assert.Throws<InvalidOperationException>(() => client.SoftwareVersion);
            Assert.Throws<InvalidOperationException>(() => client.EntityTime);
            Assert.DoesNotContain("jabber:iq:version", client.Disco.OwnInfo.Features);
        }
    }

    [Fact]
    public void Options_reject_an_empty_software_name()
    {
        Assert.Throws<ArgumentException>(() => new XmppClient(TestClients.Options() with { SoftwareName = "" }));
    }
}
