namespace Xmpp.Client;

public sealed partial record XmppClientOptions
{
    /// <summary>
    /// Whether XEP-0198 stream management is used when the server offers it: the server acknowledges what it
    /// received, so a dropped connection is resumed without losing or repeating a stanza. <see langword="true"/> by default.
    /// </summary>
    public bool StreamManagement { get; init; } = true;

    /// <summary>
    /// Stream management: ask the server for an acknowledgement once this many stanzas are unacknowledged. 10 by default.
    /// </summary>
    public int AckRequestStanzas { get; init; } = 10;

    /// <summary>
    /// Stream management: ask the server for an acknowledgement when a stanza has waited this long for one. 5 seconds
    /// by default.
    /// </summary>
    public TimeSpan AckRequestInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many sent stanzas are kept until the server acknowledges them (to resend them after a reconnect), together
    /// with the stanzas queued while reconnecting. When full, <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> waits for room. 1,000
    /// by default.
    /// </summary>
    public int MaxUnacknowledgedStanzas { get; init; } = 1_000;

    /// <summary>
    /// Whether the client reconnects by itself when an established connection drops (not when <see cref="XmppClient.ConnectAsync"/>
    /// fails, and never after <see cref="XmppClient.DisconnectAsync"/>). <see langword="true"/> by default.
    /// </summary>
    public bool AutoReconnect { get; init; } = true;

    /// <summary>
    /// The reconnection backoff. The first attempt waits a random time of up to this delay (so that many clients
    /// dropped together, by a server restart, do not come back together); the second waits this delay, each further
    /// one twice as long, up to <see cref="ReconnectMaxDelay"/>, each with random jitter of up to half the delay.
    /// A session that drops within a minute (or <see cref="ReconnectMaxDelay"/>, if longer) of being opened by a
    /// reconnection does not start the backoff again: the next reconnection continues where that one stopped, so a
    /// server that drops every login at once is not hammered. Must be positive and not longer than
    /// <see cref="ReconnectMaxDelay"/>. 1 second by default.
    /// </summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two reconnection attempts; finite (to stop reconnecting, switch
    /// <see cref="AutoReconnect"/> off or set <see cref="MaxReconnectAttempts"/>). 1 minute by default.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many reconnection attempts in a row may fail before the client gives up and reports
    /// <see cref="XmppClientState.Disconnected"/> (counted again after each successful reconnection);
    /// <see langword="null"/> (the default) never gives up.</summary>
    public int? MaxReconnectAttempts { get; init; }

    /// <summary>
    /// What <see cref="XmppClient.SendAsync(Xmpp.Client.Stanzas.Stanza, CancellationToken)"/> does while the client reconnects: <see langword="true"/> (the default)
    /// queues the stanza (bounded by <see cref="MaxUnacknowledgedStanzas"/>; when full, the call waits) and sends it
    /// once connected again; <see langword="false"/> throws <see cref="XmppConnectionLostException"/> at once.
    /// </summary>
    public bool QueueWhileReconnecting { get; init; } = true;

    /// <summary>
    /// When nothing has been sent for this long, a single space (a whitespace keepalive, RFC 6120 §4.6.1) is sent so
    /// that idle connections are not dropped by NATs and firewalls. 45 seconds by default;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// When nothing has been received for this long, the client pings its server (XEP-0199). 60 seconds by default;
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns dead-peer detection off.
    /// </summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the server has to answer the ping before the connection is considered dead and dropped (then
    /// reconnected). A dead peer is therefore noticed within <see cref="PingInterval"/> + <see cref="PingTimeout"/>.
    /// Finite (to stop dead-peer detection, switch <see cref="PingInterval"/> off). 30 seconds by default.
    /// </summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
