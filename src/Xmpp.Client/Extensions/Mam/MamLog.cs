using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Mam;

internal static partial class MamLog
{
    [LoggerMessage(3600, LogLevel.Warning, "Dropped an archive result from {From}: no query of ours has queryid '{QueryId}'")]
    public static partial void UnknownQuery(ILogger logger, string from, string queryId);

    [LoggerMessage(3601, LogLevel.Warning, "Dropped an archive result for query '{QueryId}' from {From}: the archive asked is {Archive}")]
    public static partial void ForgedResult(ILogger logger, string queryId, string from, string archive);

    [LoggerMessage(3602, LogLevel.Warning, "Dropped an unreadable archive result from {From}: {Reason}")]
    public static partial void UnreadableResult(ILogger logger, string from, string reason);

    [LoggerMessage(3603, LogLevel.Warning, "Dropped an archive result for query '{QueryId}': more results than the {Max} asked for")]
    public static partial void TooManyResults(ILogger logger, string queryId, int max);

    [LoggerMessage(3604, LogLevel.Information, "Catching up from the archive after {ArchiveId}")]
    public static partial void CatchingUp(ILogger logger, string archiveId);

    [LoggerMessage(3605, LogLevel.Information, "Caught up from the archive: {Count} messages recovered")]
    public static partial void CaughtUp(ILogger logger, int count);

    [LoggerMessage(3606, LogLevel.Warning, "Catching up from the archive failed after {Count} messages")]
    public static partial void CatchUpFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(3607, LogLevel.Debug, "Dropped a live message with archive id {ArchiveId}: already recovered from the archive")]
    public static partial void DuplicateLive(ILogger logger, string archiveId);
}
