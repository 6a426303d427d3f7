using Xmpp.Client.Extensions.EntityTime;
using System.Xml.Linq;
using Xmpp.Client.Extensions.SoftwareVersion;
using Xmpp.Client.Tests.Extensions.Disco;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.EntityInfo;

/// <summary>Asking others: ping, software version, entity time.</summary>
public class EntityInfoQueryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PingAsync_without_a_jid_pings_the_server_and_measures_the_round_trip()
    {
        var to = new TaskCompletionSource<string?>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var ping = await server.ExpectRequestAsync("urn:xmpp:ping");
            to.SetResult(ping.GetAttribute("to"));
            await server.SendAsync($"<iq type='result' id='{ping.GetAttribute("id")}' from='{FakeServer.Domain}'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var rtt = await client.Ping.SendAsync().WaitAsync(Wait);
            Assert.Equal(FakeServer.Domain, await to.Task);
            Assert.True(rtt > TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task GetSoftwareVersionAsync_reads_name_version_and_os()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync("jabber:iq:version");
            await server.AnswerAsync(get, new SoftwareVersionInfo("Prosody", "13.0.0", "Linux").ToXElement());
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var version = await client.SoftwareVersion.GetAsync(Jid.Parse(FakeServer.Domain)).WaitAsync(Wait);
            Assert.Equal(new SoftwareVersionInfo("Prosody", "13.0.0", "Linux"), version);
        }
    }

    [Fact]
    public async Task GetTimeAsync_combines_utc_and_tzo_as_in_XEP_0202()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync("urn:xmpp:time");
            await server.AnswerAsync(get, XElement.Parse("<time xmlns='urn:xmpp:time'><tzo>-06:00</tzo><utc>2006-12-19T17:58:35Z</utc></time>"));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var time = await client.EntityTime.GetAsync(Jid.Parse("juliet@capulet.com/balcony")).WaitAsync(Wait);
            Assert.Equal(new DateTimeOffset(2006, 12, 19, 11, 58, 35, TimeSpan.FromHours(-6)), time);
            Assert.Equal(TimeSpan.FromHours(-6), time.Offset);
        }
    }

    [Fact]
    public async Task GetTimeAsync_refuses_a_malformed_answer()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync("urn:xmpp:time");
            await server.AnswerAsync(get, XElement.Parse("<time xmlns='urn:xmpp:time'><tzo>6 hours</tzo><utc>2006-12-19T17:58:35Z</utc></time>"));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await Assert.ThrowsAsync<XmppException>(() => client.EntityTime.GetAsync(Jid.Parse("juliet@capulet.com/balcony")).WaitAsync(Wait));
        }
    }

    [Theory]
    [InlineData("Z", "2006-12-19T17:58:35.123Z", 0, 123)]
    [InlineData("+05:30", "2006-12-19T17:58:35Z", 330, 0)]
    [InlineData("-00:00", "2006-12-19T17:58:35+00:00", 0, 0)]
    public void Time_payload_accepts_XEP_0082_forms(string tzo, string utc, int offsetMinutes, int milliseconds)
    {
        var element = new XElement(EntityTimeXml.ElementName, new XElement(XName.Get("tzo", EntityTimeXml.Namespace), tzo), new XElement(XName.Get("utc", EntityTimeXml.Namespace), utc));
        Assert.True(EntityTimeXml.TryParse(element, out var time));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), time.Offset);
        Assert.Equal(new DateTime(2006, 12, 19, 17, 58, 35, milliseconds, DateTimeKind.Utc), time.UtcDateTime);
    }

    [Theory]
    [InlineData("+15:00", "2006-12-19T17:58:35Z")]
    [InlineData("+05:30", "yesterday")]
    [InlineData("0530", "2006-12-19T17:58:35Z")]
    public void Time_payload_rejects_what_XEP_0082_does_not_allow(string tzo, string utc)
    {
        var element = new XElement(EntityTimeXml.ElementName, new XElement(XName.Get("tzo", EntityTimeXml.Namespace), tzo), new XElement(XName.Get("utc", EntityTimeXml.Namespace), utc));
        Assert.False(EntityTimeXml.TryParse(element, out _));
    }

    [Fact]
    public void Time_payload_written_for_a_moment_reads_back_as_that_moment()
    {
        var moment = new DateTimeOffset(2024, 2, 29, 23, 30, 0, 250, TimeSpan.FromHours(-3.5));
        Assert.True(EntityTimeXml.TryParse(EntityTimeXml.ToXElement(moment), out var back));
        Assert.Equal(moment, back);
        Assert.Equal(moment.Offset, back.Offset);
    }
}
