using System.Diagnostics;
using Xmpp.Client.Telemetry;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Telemetry;

/// <summary>The client's activities (<see cref="XmppInstrumentation.ActivitySourceName"/>): connect and IQ round trips.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Connecting_and_an_iq_request_are_activities_with_their_outcome_and_no_address()
    {
        var mine = new List<Activity>();
        XmppClient? client = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == XmppInstrumentation.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (mine)
                {
                    mine.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("test-" + Guid.NewGuid().ToString("N")).Start();

        (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            var ping = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{ping.GetAttribute("id")}'/>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendIqAsync(TestClients.Ping());
        }

        List<Activity> ours;
        lock (mine)
        {
            ours = [.. mine.Where(a => a.TraceId == parent.TraceId)]; // other tests run in parallel
        }

        var connect = Assert.Single(ours, a => a.OperationName == "xmpp.connect");
        Assert.Equal("bound", connect.GetTagItem("xmpp.connect.outcome"));
        Assert.Equal(ActivityKind.Client, connect.Kind);
        var iq = Assert.Single(ours, a => a.OperationName == "xmpp.iq");
        Assert.Equal("urn:xmpp:ping", iq.GetTagItem("xmpp.iq.namespace"));
        Assert.Equal("result", iq.GetTagItem("xmpp.iq.outcome"));
        Assert.All(ours.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("@", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
    }
}
