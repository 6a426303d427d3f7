namespace Xmpp.Client.Session;

/// <summary>Which failures are worth reconnecting after, and how long to wait between attempts.</summary>
internal static class ReconnectPolicy
{
    /// <summary>
    /// Whether reconnecting may help. Not after credentials or certificates were refused, nor after a stream error
    /// that says "do not come back as you are" (RFC 6120 §4.9.3): another client took the resource (conflict), the
    /// account or host is not served, or the client broke the rules.
    /// </summary>
    public static bool IsRecoverable(Exception error) => error switch
    {
        XmppAuthenticationException or XmppTlsException => false,
        XmppStreamErrorException stream => stream.Condition is not (StreamErrorCondition.Conflict
            or StreamErrorCondition.NotAuthorized or StreamErrorCondition.PolicyViolation or StreamErrorCondition.HostUnknown
            or StreamErrorCondition.HostGone or StreamErrorCondition.ImproperAddressing or StreamErrorCondition.InvalidFrom
            or StreamErrorCondition.InvalidNamespace or StreamErrorCondition.UnsupportedEncoding
            or StreamErrorCondition.UnsupportedVersion or StreamErrorCondition.UnsupportedFeature),
        XmppException or IOException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> (1-based): none before the first; then
    /// <see cref="XmppClientOptions.ReconnectMinDelay"/> doubling per attempt up to <see cref="XmppClientOptions.ReconnectMaxDelay"/>,
    /// of which a random half is taken off (jitter, so clients dropped together do not come back together).
    /// </summary>
    public static TimeSpan Delay(int attempt, XmppClientOptions options, Random random)
    {
        if (attempt <= 1)
        {
            return TimeSpan.Zero;
        }

        var doubling = Math.Min(attempt - 2, 30);
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, doubling));
        return TimeSpan.FromMilliseconds(ceiling / 2 + (random.NextDouble() * ceiling / 2));
    }
}
