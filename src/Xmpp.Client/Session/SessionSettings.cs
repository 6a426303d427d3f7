namespace Xmpp.Client.Session;

/// <summary>What a session needs from the client besides its stream: shared state that outlives it, and timings.</summary>
/// <param name="Iqs">Pending IQ requests (they survive a resumption).</param>
/// <param name="Outbound">Stanzas kept until acknowledged or queued while reconnecting.</param>
/// <param name="StreamManagement">The XEP-0198 state (the inbound count).</param>
/// <param name="Options">Keepalive, ping and acknowledgement timings.</param>
/// <param name="Metrics">Where refusals are counted.</param>
internal sealed record SessionSettings(IqTracker Iqs, OutboundQueue Outbound, StreamManagementState StreamManagement, XmppClientOptions Options,
    Telemetry.ClientMetrics Metrics);
