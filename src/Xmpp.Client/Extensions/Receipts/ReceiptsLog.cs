using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Receipts;

internal static partial class ReceiptsLog
{
    [LoggerMessage(1710, LogLevel.Debug, "Could not answer the receipt request of message {Id}: the session is ending")]
    public static partial void AckNotSent(ILogger logger, string id, Exception error);

    [LoggerMessage(1711, LogLevel.Debug, "Receipt for message {Id} from {From} ends no wait: not a tracked request, or not from its recipient")]
    public static partial void ForeignReceipt(ILogger logger, string id, string from);

    [LoggerMessage(1712, LogLevel.Debug, "Message {Id} bounced ({Condition}): its receipt wait fails")]
    public static partial void Bounced(ILogger logger, string id, string condition);

    [LoggerMessage(1713, LogLevel.Error, "The receipts AnswerFilter threw; the request is not answered")]
    public static partial void FilterFailed(ILogger logger, Exception error);
}
