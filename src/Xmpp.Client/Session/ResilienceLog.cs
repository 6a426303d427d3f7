using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>Log messages of stream management, reconnection and keepalive (event ids 1200–1299).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(1200, LogLevel.Information, "Stream management enabled (resumable: {Resumable}, kept by the server for {MaxSeconds} s; -1: not said)")]
    public static partial void StreamManagementEnabled(ILogger logger, bool resumable, double maxSeconds);

    [LoggerMessage(1201, LogLevel.Warning, "The server refused to enable stream management: {Condition}")]
    public static partial void StreamManagementRefused(ILogger logger, string condition);

    [LoggerMessage(1202, LogLevel.Information, "Resumed session {Id}; the server had handled {Handled} of our stanzas")]
    public static partial void StreamManagementResumed(ILogger logger, string id, uint handled);

    [LoggerMessage(1203, LogLevel.Warning, "The server could not resume the session ({Condition}); starting a new one")]
    public static partial void ResumptionFailed(ILogger logger, string condition);

    [LoggerMessage(1204, LogLevel.Warning, "Connection lost ({Reason}); reconnecting")]
    public static partial void Reconnecting(ILogger logger, string reason);

    [LoggerMessage(1205, LogLevel.Information, "Reconnection attempt {Attempt} in {DelayMs} ms")]
    public static partial void ReconnectAttempt(ILogger logger, int attempt, long delayMs);

    [LoggerMessage(1206, LogLevel.Warning, "Reconnection attempt {Attempt} failed: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string reason);

    [LoggerMessage(1207, LogLevel.Error, "Not reconnecting: {Reason}")]
    public static partial void ReconnectAbandoned(ILogger logger, string reason);

    [LoggerMessage(1208, LogLevel.Information, "Reconnected after {Attempts} attempt(s) (resumed: {Resumed}); {Resent} stanza(s) sent again")]
    public static partial void Reconnected(ILogger logger, int attempts, bool resumed, int resent);

    [LoggerMessage(1209, LogLevel.Warning, "{Count} stanza(s) the server never acknowledged were dropped: {Reason}")]
    public static partial void StanzasDropped(ILogger logger, int count, string reason);

    [LoggerMessage(1210, LogLevel.Warning, "No data from the server for {Seconds} s (ping unanswered); dropping the connection")]
    public static partial void PeerDead(ILogger logger, double seconds);

    [LoggerMessage(1211, LogLevel.Debug, "Stream management: the server acknowledged {Count} stanza(s) (h={Handled})")]
    public static partial void Acknowledged(ILogger logger, int count, uint handled);

    [LoggerMessage(1212, LogLevel.Debug, "A keepalive could not be sent")]
    public static partial void KeepAliveFailed(ILogger logger, Exception error);

    [LoggerMessage(1230, LogLevel.Warning, "The session lasted {Seconds:0.#} s, less than the {StableSeconds:0.#} s of a stable one: the reconnection backoff continues at step {Step}")]
    public static partial void BackoffContinued(ILogger logger, double seconds, double stableSeconds, int step);
}
