namespace Xmpp.Client.Session;

/// <summary>Which failures are worth reconnecting after, and how long to wait between attempts.</summary>
internal static class ReconnectPolicy
{
    /// <summary>
    /// Whether reconnecting may help. Not after credentials or certificates were refused, nor after a stream error
    /// the server sent that says "do not come back as you are" (RFC 6120 §4.9.3): another client took the resource
    /// (conflict), the account or host is not served, or the server judged that the client broke its rules
    /// (policy-violation, and the conditions that point to a client that cannot talk to this server). A stream error
    /// the client sent itself is always worth a reconnection: the client closed a stream the server broke (XML that
    /// is not well-formed or restricted, invalid UTF-8, a limit exceeded, a count that does not add up), which is a
    /// fault of that stream, not of the account; the backoff keeps a server that breaks every stream from being hammered.
    /// </summary>
    public static bool IsRecoverable(Exception error) => error switch
    {
        XmppAuthenticationException or XmppTlsException => false,
        XmppStreamErrorException { SentByClient: true } => true,
        XmppStreamErrorException stream => stream.Condition is not (StreamErrorCondition.Conflict
            or StreamErrorCondition.NotAuthorized or StreamErrorCondition.PolicyViolation or StreamErrorCondition.HostUnknown
            or StreamErrorCondition.HostGone or StreamErrorCondition.ImproperAddressing or StreamErrorCondition.InvalidFrom
            or StreamErrorCondition.InvalidNamespace or StreamErrorCondition.UnsupportedEncoding
            or StreamErrorCondition.UnsupportedVersion or StreamErrorCondition.UnsupportedFeature),
        XmppException or IOException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The least a session lives for the backoff to count as over, whatever the options say.</summary>
    private static readonly TimeSpan MinimumStablePeriod = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a session must have lived for the next reconnection to start its backoff again: 60 s, or
    /// <see cref="XmppClientOptions.ReconnectMaxDelay"/> when that is longer. A session that ends sooner (a server
    /// that accepts the login and drops the connection straight away) continues the backoff of the reconnection that
    /// opened it, so such a server is not hit with a login every <see cref="XmppClientOptions.ReconnectMinDelay"/>.
    /// </summary>
    public static TimeSpan StablePeriod(XmppClientOptions options) =>
        options.ReconnectMaxDelay > MinimumStablePeriod ? options.ReconnectMaxDelay : MinimumStablePeriod;

    /// <summary>
    /// The wait before backoff step <paramref name="step"/> (1-based), random so that clients dropped together (a
    /// server restart) do not come back together: before the first, anything up to
    /// <see cref="XmppClientOptions.ReconnectMinDelay"/>; then <see cref="XmppClientOptions.ReconnectMinDelay"/>
    /// doubling per step up to <see cref="XmppClientOptions.ReconnectMaxDelay"/>, of which a random half is taken off.
    /// </summary>
    public static TimeSpan Delay(int step, XmppClientOptions options, Random random)
    {
        var minimum = options.ReconnectMinDelay.TotalMilliseconds;
        if (step <= 1)
        {
            return TimeSpan.FromMilliseconds(random.NextDouble() * minimum);
        }

        var doubling = Math.Min(step - 2, 30);
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, minimum * Math.Pow(2, doubling));
        return TimeSpan.FromMilliseconds(ceiling / 2 + (random.NextDouble() * ceiling / 2));
    }
}
