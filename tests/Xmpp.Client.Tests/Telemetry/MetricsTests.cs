using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Telemetry;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Telemetry;

/// <summary>The client's meter (<see cref="XmppInstrumentation"/>): what each instrument records, against scripted servers.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_meters, XmppInstrumentation.MeterName, instrument);

    private XmppClientOptions Options() => TestClients.Options() with { MeterFactory = _meters };

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task A_session_is_counted_while_connected_and_its_connect_time_recorded_as_bound()
    {
        using var sessions = Collect<long>("xmpp.client.sessions");
        using var connects = Collect<double>("xmpp.client.connect.duration");
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.UntilClientClosesAsync();
        }, Options());
        await using (client)
        {
            await client.ConnectAsync();
            Assert.Equal([1L], sessions.GetMeasurementSnapshot().Select(m => m.Value));
            await client.DisconnectAsync();
        }

        Assert.Equal([1L, -1L], sessions.GetMeasurementSnapshot().Select(m => m.Value));
        var connect = Assert.Single(connects.GetMeasurementSnapshot());
        Assert.Equal("bound", connect.Tags["xmpp.connect.outcome"]);
        Assert.Equal(false, connect.Tags["xmpp.connect.reconnection"]);
        Assert.True(connect.Value > 0);
    }

    [Fact]
    public async Task A_failed_connect_is_recorded_with_the_exception_type_and_no_session()
    {
        using var sessions = Collect<long>("xmpp.client.sessions");
        using var connects = Collect<double>("xmpp.client.connect.duration");
        var (client, _) = TestClients.Create(async server =>
        {
            await server.AcceptStreamAsync("<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>");
            await server.ExpectAsync("auth");
            await server.SendAsync("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
            await server.UntilClientClosesAsync();
        }, Options());
        await using (client)
        {
            await Assert.ThrowsAsync<XmppAuthenticationException>(() => client.ConnectAsync());
        }

        Assert.Empty(sessions.GetMeasurementSnapshot());
        Assert.Equal(nameof(XmppAuthenticationException), Assert.Single(connects.GetMeasurementSnapshot()).Tags["xmpp.connect.outcome"]);
    }

    [Fact]
    public async Task Stanzas_and_bytes_are_counted_by_kind_both_ways()
    {
        using var received = Collect<long>("xmpp.client.stanzas.received");
        using var sent = Collect<long>("xmpp.client.stanzas.sent");
        using var bytesIn = Collect<long>("xmpp.client.bytes.received");
        using var bytesOut = Collect<long>("xmpp.client.bytes.sent");
        var got = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("<message from='juliet@example.com/balcony' type='chat'><body>hi</body></message>");
            await server.ExpectAsync("message");
            await server.UntilClientClosesAsync();
        }, Options());
        client.MessageReceived += _ =>
        {
            got.TrySetResult();
            return Task.CompletedTask;
        };
        await using (client)
        {
            received.Clear();
            sent.Clear();
            await client.ConnectAsync();
            await got.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hello"));
            await client.DisconnectAsync();
        }

        Assert.Equal(1, received.GetMeasurementSnapshot().Count(m => (string?)m.Tags["xmpp.stanza.kind"] == "message"));
        Assert.Equal(1, sent.GetMeasurementSnapshot().Count(m => (string?)m.Tags["xmpp.stanza.kind"] == "message"));
        Assert.Contains(sent.GetMeasurementSnapshot(), m => (string?)m.Tags["xmpp.stanza.kind"] == "iq"); // resource binding
        Assert.Contains(received.GetMeasurementSnapshot(), m => (string?)m.Tags["xmpp.stanza.kind"] == "other"); // SASL success
        Assert.True(bytesIn.GetMeasurementSnapshot().Sum(m => m.Value) > 100);
        Assert.True(bytesOut.GetMeasurementSnapshot().Sum(m => m.Value) > 100);
    }

    [Fact]
    public async Task Iq_round_trips_are_recorded_with_their_outcome()
    {
        using var iqs = Collect<double>("xmpp.client.iq.duration");
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            var first = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='result' id='{first.GetAttribute("id")}'/>");
            var second = await server.ExpectAsync("iq");
            await server.SendAsync($"<iq type='error' id='{second.GetAttribute("id")}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            await server.ExpectAsync("iq"); // never answered
            await server.UntilClientClosesAsync();
        }, Options());
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendIqAsync(TestClients.Ping());
            await Assert.ThrowsAsync<XmppIqErrorException>(() => client.SendIqAsync(TestClients.Ping()));
            await Assert.ThrowsAsync<XmppTimeoutException>(() => client.SendIqAsync(TestClients.Ping(), TimeSpan.FromMilliseconds(100)));
        }

        Assert.Equal(["result", "error", "timeout"], iqs.GetMeasurementSnapshot().Select(m => (string?)m.Tags["xmpp.iq.outcome"]));
    }

    [Fact]
    public async Task Refused_elements_are_counted_by_reason()
    {
        using var dropped = Collect<long>("xmpp.client.stanzas.dropped");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync($"<message from='a@example.com'><body>{new string('x', 5000)}</body></message>");
            await server.SendAsync("<message from='not a jid@@'><body>bad</body></message>");
            await server.SendAsync("<message from='juliet@example.com'><body>last</body></message>");
            await server.UntilClientClosesAsync();
        }, Options() with { MaxStanzaBytes = 4096 });
        client.MessageReceived += message =>
        {
            done.TrySetResult();
            return Task.CompletedTask;
        };
        await using (client)
        {
            await client.ConnectAsync();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(["over_limit", "invalid_from"], dropped.GetMeasurementSnapshot().Select(m => (string?)m.Tags["xmpp.drop.reason"]));
    }

    [Fact]
    public async Task The_unacknowledged_gauge_follows_the_stream_management_queue()
    {
        using var gauge = Collect<int>("xmpp.client.stream_management.unacknowledged");
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            await server.ExpectStanzaAsync("message");
            sent.SetResult();
            await acked.Task;
            await server.SendAsync($"<a xmlns='{StreamManagementScripts.Ns}' h='1'/>");
            await server.UntilClientClosesAsync();
        }, Options() with { AckRequestInterval = Timeout.InfiniteTimeSpan });
        await using (client)
        {
            await client.ConnectAsync();
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "hello"));
            await sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
            gauge.RecordObservableInstruments();
            Assert.Equal(1, gauge.LastMeasurement?.Value);

            acked.SetResult();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            do
            {
                await Task.Delay(20);
                gauge.RecordObservableInstruments();
            }
            while (gauge.LastMeasurement?.Value != 0 && DateTime.UtcNow < deadline);

            Assert.Equal(0, gauge.LastMeasurement?.Value);
        }
    }
}
