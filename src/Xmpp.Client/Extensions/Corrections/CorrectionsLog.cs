using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Corrections;

/// <summary>Log messages of corrections and retractions (event ids 3540–3559).</summary>
internal static partial class CorrectionsLog
{
    [LoggerMessage(3540, LogLevel.Warning, "Dropped a {Kind} of message {Id} from {From}: the message was sent by someone else")]
    public static partial void Forged(ILogger logger, string kind, string id, string from);

    [LoggerMessage(3541, LogLevel.Debug, "Dropped a {Kind} from {From} without the id of the message it replaces")]
    public static partial void WithoutId(ILogger logger, string kind, string from);
}
