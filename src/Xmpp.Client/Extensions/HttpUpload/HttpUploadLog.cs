using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>Log messages of the HTTP upload extension (event ids 3700–3729).</summary>
internal static partial class HttpUploadLog
{
    [LoggerMessage(3700, LogLevel.Debug, "HTTP upload service {Service} found (max file size: {MaxFileSize})")]
    public static partial void ServiceFound(ILogger logger, string service, string maxFileSize);

    [LoggerMessage(3701, LogLevel.Information, "{Domain} offers no HTTP upload service")]
    public static partial void NoService(ILogger logger, string domain);

    [LoggerMessage(3702, LogLevel.Debug, "Could not ask {Item} whether it is an upload service: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string item, string reason);

    [LoggerMessage(3703, LogLevel.Warning, "The upload service {Service} announces an unreadable max-file-size form; no limit assumed: {Reason}")]
    public static partial void UnreadableForm(ILogger logger, string service, string reason);

    [LoggerMessage(3704, LogLevel.Debug, "Slot granted by {Service} for {Size} bytes")]
    public static partial void SlotGranted(ILogger logger, string service, long size);

    [LoggerMessage(3705, LogLevel.Warning, "The upload slot of {Service} carries a header that XEP-0363 does not allow ('{Header}'); it is not sent")]
    public static partial void HeaderIgnored(ILogger logger, string service, string header);

    [LoggerMessage(3706, LogLevel.Warning, "The upload service {Service} refused the slot: {Condition}")]
    public static partial void SlotRefused(ILogger logger, string service, string condition);

    [LoggerMessage(3707, LogLevel.Debug, "Uploaded {Size} bytes to {Host} (HTTP {Status})")]
    public static partial void Uploaded(ILogger logger, long size, string host, int status);

    [LoggerMessage(3708, LogLevel.Warning, "The upload to {Host} failed: {Reason}")]
    public static partial void PutFailed(ILogger logger, string host, string reason);

    [LoggerMessage(3709, LogLevel.Warning, "The upload service {Service} sent an unusable slot: {Reason}")]
    public static partial void InvalidSlot(ILogger logger, string service, string reason);

    [LoggerMessage(3710, LogLevel.Debug, "The upload service {Service} refused with a retry stamp that could not be read: '{Stamp}'")]
    public static partial void UnreadableRetry(ILogger logger, string service, string stamp);
}
