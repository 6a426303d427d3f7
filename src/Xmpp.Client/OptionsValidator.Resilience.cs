namespace Xmpp.Client;

internal static partial class OptionsValidator
{
    /// <summary>Stream management, reconnection and keepalive (the settings of <c>XmppClientOptions.Resilience.cs</c>).</summary>
    private static void ValidateResilience(XmppClientOptions options)
    {
        AtLeast(options.AckRequestStanzas, 1, nameof(options.AckRequestStanzas));
        Timeout(options.AckRequestInterval, nameof(options.AckRequestInterval));
        AtLeast(options.MaxUnacknowledgedStanzas, 1, nameof(options.MaxUnacknowledgedStanzas));

        // Finite: an infinite wait is not a backoff (switch AutoReconnect off instead). Positive: with no wait at all
        // every client dropped by a server restart would come back at the same instant, and keep trying in a tight loop.
        Period(options.ReconnectMinDelay, nameof(options.ReconnectMinDelay));
        Period(options.ReconnectMaxDelay, nameof(options.ReconnectMaxDelay));
        if (options.ReconnectMinDelay > options.ReconnectMaxDelay)
        {
            throw Invalid(nameof(options.ReconnectMinDelay),
                $"({options.ReconnectMinDelay}) must not be longer than XmppClientOptions.ReconnectMaxDelay ({options.ReconnectMaxDelay}).");
        }

        if (options.MaxReconnectAttempts is < 1)
        {
            throw OutOfRange(nameof(options.MaxReconnectAttempts), options.MaxReconnectAttempts,
                "must be at least 1, or null to never give up (set AutoReconnect to false not to reconnect at all).");
        }

        Timeout(options.KeepAliveInterval, nameof(options.KeepAliveInterval));
        Timeout(options.PingInterval, nameof(options.PingInterval));

        // Finite: a ping that may take for ever never finds a dead server (switch PingInterval off instead).
        Period(options.PingTimeout, nameof(options.PingTimeout));
    }
}
