using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Hosting;

/// <summary>The hosting package's log events: ids 4000–4049.</summary>
internal static partial class XmppHostingLog
{
    [LoggerMessage(4000, LogLevel.Information, "XMPP account {Account}: online as {Jid} after {Attempts} attempt(s)")]
    public static partial void Connected(ILogger logger, string account, Jid? jid, int attempts);

    [LoggerMessage(4001, LogLevel.Warning, "XMPP account {Account}: connecting failed (attempt {Attempt}), retrying in {DelayMs} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string account, int attempt, long delayMs, string reason);

    [LoggerMessage(4002, LogLevel.Critical, "XMPP account {Account}: connecting failed and retrying cannot help; stopping the host: {Reason}")]
    public static partial void Fatal(ILogger logger, string account, string reason, Exception error);

    [LoggerMessage(4003, LogLevel.Critical, "XMPP account {Account}: connecting failed {Attempts} times (MaxReconnectAttempts); stopping the host: {Reason}")]
    public static partial void GaveUp(ILogger logger, string account, int attempts, string reason);

    [LoggerMessage(4004, LogLevel.Information, "XMPP account {Account}: disconnected")]
    public static partial void Disconnected(ILogger logger, string account);

    [LoggerMessage(4005, LogLevel.Warning, "XMPP account {Account}: the polite disconnect did not finish within the host's shutdown timeout")]
    public static partial void DisconnectTimedOut(ILogger logger, string account);

    [LoggerMessage(4006, LogLevel.Warning, "XMPP account {Account}: disconnecting failed: {Reason}")]
    public static partial void DisconnectFailed(ILogger logger, string account, string reason);

    [LoggerMessage(4007, LogLevel.Debug, "XMPP account {Account}: stopped before it was connected")]
    public static partial void StoppedBeforeConnected(ILogger logger, string account);
}
