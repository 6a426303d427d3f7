namespace Xmpp.Client.Telemetry;

/// <summary>
/// The names under which the client reports metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>): subscribe to them, for example with OpenTelemetry's
/// <c>AddMeter(XmppInstrumentation.MeterName)</c> and <c>AddSource(XmppInstrumentation.ActivitySourceName)</c>.
/// </summary>
/// <remarks>
/// <para>Instruments (each name prefixed <c>xmpp.client.</c>): <c>sessions</c> (up-down counter of connected clients),
/// <c>connect.duration</c> (histogram, s, tagged <c>xmpp.connect.outcome</c> and <c>xmpp.connect.reconnection</c>),
/// <c>reconnections</c> (counter, tagged <c>xmpp.session.resumed</c>), <c>stanzas.received</c> and <c>stanzas.sent</c>
/// (counters tagged <c>xmpp.stanza.kind</c>: message, presence, iq or other for non-stanza elements),
/// <c>bytes.received</c> and <c>bytes.sent</c> (counters, By), <c>iq.duration</c> (histogram, s, tagged
/// <c>xmpp.iq.outcome</c>: result, error, timeout, cancelled, lost), <c>stream_management.unacknowledged</c> (gauge: stanzas
/// sent and not yet acknowledged, or queued while reconnecting, over all clients of the meter) and
/// <c>stanzas.dropped</c> (counter tagged <c>xmpp.drop.reason</c>: over_limit, invalid_from, spoofed_reply).</para>
/// <para>Activities: <c>xmpp.connect</c> (each connection attempt, through the negotiation) and <c>xmpp.iq</c> (an IQ
/// request until its answer, tagged with the payload's namespace). No JID, body or credential is ever a tag.</para>
/// <para>With <see cref="XmppClientOptions.MeterFactory"/> set (as the Generic Host does), each client's meter comes from
/// that factory; otherwise all clients share one meter.</para>
/// </remarks>
public static class XmppInstrumentation
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Xmpp.Client";

    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Xmpp.Client";
}
