using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Xmpp.Client.Telemetry;

/// <summary>
/// One client's view of the instruments (<see cref="XmppInstrumentation"/>): the meter's instruments are created once
/// per meter and shared by the clients that report to it. Every method is cheap when nothing listens.
/// </summary>
internal sealed class ClientMetrics : IDisposable
{
    private static readonly string? Version =
        typeof(ClientMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private static readonly Meter SharedMeter = new(XmppInstrumentation.MeterName, Version);
    private static readonly ConditionalWeakTable<Meter, Instruments> ByMeter = [];

    /// <summary>The client's traces.</summary>
    public static readonly ActivitySource Source = new(XmppInstrumentation.ActivitySourceName, Version);

    private readonly Instruments _instruments;
    private readonly Func<int> _unacknowledged;

    /// <summary>Creates the view; registers <paramref name="unacknowledged"/> with the meter's gauge until disposed.</summary>
    /// <param name="factory">Where the meter comes from, or <see langword="null"/> for the shared one.</param>
    /// <param name="unacknowledged">The client's count of stanzas not yet acknowledged.</param>
    public ClientMetrics(IMeterFactory? factory, Func<int> unacknowledged)
    {
        var meter = factory?.Create(new MeterOptions(XmppInstrumentation.MeterName) { Version = Version }) ?? SharedMeter;
        _instruments = ByMeter.GetValue(meter, static m => new Instruments(m));
        _unacknowledged = unacknowledged;
        _instruments.Queues.TryAdd(this, 0);
    }

    public void SessionStarted() => _instruments.Sessions.Add(1);

    public void SessionEnded() => _instruments.Sessions.Add(-1);

    public void Connected(TimeSpan duration, string outcome, bool reconnection) =>
        _instruments.ConnectDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("xmpp.connect.outcome", outcome),
            new KeyValuePair<string, object?>("xmpp.connect.reconnection", reconnection));

    public void Reconnected(bool resumed) =>
        _instruments.Reconnections.Add(1, new KeyValuePair<string, object?>("xmpp.session.resumed", resumed));

    public void Received(string kind, long bytes)
    {
        _instruments.StanzasReceived.Add(1, new KeyValuePair<string, object?>("xmpp.stanza.kind", kind));
        _instruments.BytesReceived.Add(bytes);
    }

    public void Sent(string kind, long bytes)
    {
        _instruments.StanzasSent.Add(1, new KeyValuePair<string, object?>("xmpp.stanza.kind", kind));
        if (bytes > 0)
        {
            _instruments.BytesSent.Add(bytes);
        }
    }

    public void IqAnswered(TimeSpan duration, string outcome) =>
        _instruments.IqDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("xmpp.iq.outcome", outcome));

    public void Dropped(string reason) =>
        _instruments.Dropped.Add(1, new KeyValuePair<string, object?>("xmpp.drop.reason", reason));

    /// <summary>The kind tag of an element: message, presence, iq, or other.</summary>
    public static string KindOf(string name, string @namespace) =>
        @namespace == Internal.Namespaces.Client && name is "message" or "presence" or "iq" ? name : "other";

    public void Dispose() => _instruments.Queues.TryRemove(this, out _);

    /// <summary>The instruments of one meter, and the clients whose queues its gauge sums.</summary>
    private sealed class Instruments
    {
        public Instruments(Meter meter)
        {
            Sessions = meter.CreateUpDownCounter<long>("xmpp.client.sessions", "{session}", "Clients connected now.");
            ConnectDuration = meter.CreateHistogram<double>("xmpp.client.connect.duration", "s",
                "How long connecting took, from the first DNS query to a bound or resumed session (or the failure).");
            Reconnections = meter.CreateCounter<long>("xmpp.client.reconnections", "{reconnection}", "Reconnections that succeeded.");
            StanzasReceived = meter.CreateCounter<long>("xmpp.client.stanzas.received", "{element}", "Top-level elements received.");
            StanzasSent = meter.CreateCounter<long>("xmpp.client.stanzas.sent", "{element}", "Top-level elements sent.");
            BytesReceived = meter.CreateCounter<long>("xmpp.client.bytes.received", "By", "Bytes of the elements received.");
            BytesSent = meter.CreateCounter<long>("xmpp.client.bytes.sent", "By", "Bytes of the elements sent.");
            IqDuration = meter.CreateHistogram<double>("xmpp.client.iq.duration", "s", "IQ request round trips.");
            Dropped = meter.CreateCounter<long>("xmpp.client.stanzas.dropped", "{element}", "Received elements refused.");
            meter.CreateObservableGauge("xmpp.client.stream_management.unacknowledged", SumQueues, "{stanza}",
                "Stanzas sent and not yet acknowledged by the server, or queued while reconnecting.");
        }

        public ConcurrentDictionary<ClientMetrics, byte> Queues { get; } = new();

        public UpDownCounter<long> Sessions { get; }

        public Histogram<double> ConnectDuration { get; }

        public Counter<long> Reconnections { get; }

        public Counter<long> StanzasReceived { get; }

        public Counter<long> StanzasSent { get; }

        public Counter<long> BytesReceived { get; }

        public Counter<long> BytesSent { get; }

        public Histogram<double> IqDuration { get; }

        public Counter<long> Dropped { get; }

        private int SumQueues()
        {
            var sum = 0;
            foreach (var client in Queues.Keys)
            {
                sum += client._unacknowledged();
            }

            return sum;
        }
    }
}
