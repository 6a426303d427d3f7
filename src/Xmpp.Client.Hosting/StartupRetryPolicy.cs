using System.Net.Sockets;

namespace Xmpp.Client.Hosting;

/// <summary>
/// Which failures of the first connection are worth another attempt, and how long to wait: the same rules and the
/// same backoff as the client's own reconnection (see <see cref="XmppClientOptions.ReconnectMinDelay"/>).
/// </summary>
internal static class StartupRetryPolicy
{
    /// <summary>
    /// Transient: the server could not be reached or did not answer in time, the connection dropped, a stream broke,
    /// or the server sent a stream error that says "come back later" (such as <c>system-shutdown</c>), or a temporary
    /// authentication failure. Fatal: the credentials or the account were refused, TLS or the certificate failed, the
    /// settings are invalid, or the server said not to come back as we are (<c>conflict</c>, <c>not-authorized</c>,
    /// <c>policy-violation</c>, <c>host-unknown</c> and the conditions of a client it cannot talk to).
    /// </summary>
    public static bool IsTransient(Exception error) => error switch
    {
        XmppAuthenticationException authentication => authentication.Condition is SaslFailureCondition.TemporaryAuthFailure,
        XmppTlsException => false,
        XmppStreamErrorException { SentByClient: true } => true,
        XmppStreamErrorException stream => stream.Condition is not (StreamErrorCondition.Conflict
            or StreamErrorCondition.NotAuthorized or StreamErrorCondition.PolicyViolation or StreamErrorCondition.HostUnknown
            or StreamErrorCondition.HostGone or StreamErrorCondition.ImproperAddressing or StreamErrorCondition.InvalidFrom
            or StreamErrorCondition.InvalidNamespace or StreamErrorCondition.UnsupportedEncoding
            or StreamErrorCondition.UnsupportedVersion or StreamErrorCondition.UnsupportedFeature),
        XmppException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failed attempt in a row: <see cref="XmppClientOptions.ReconnectMinDelay"/>
    /// doubling per failure up to <see cref="XmppClientOptions.ReconnectMaxDelay"/>, of which a random part of up to
    /// half is taken off (so clients started together do not retry together).
    /// </summary>
    public static TimeSpan Delay(int failures, XmppClientOptions options, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var minimum = options.ReconnectMinDelay.TotalMilliseconds;
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, minimum * Math.Pow(2, Math.Min(failures - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
