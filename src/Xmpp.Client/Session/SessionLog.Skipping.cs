using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>The session's log messages about stanzas it skipped (event ids 1900–1909).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(1900, LogLevel.Warning,
        "Skipped a <{Name}> of {Length} bytes (id {Id}) from {From}: {Reason}. The session goes on")]
    public static partial void StanzaSkipped(ILogger logger, string name, long length, string id, string from, string reason);

    [LoggerMessage(1901, LogLevel.Debug, "Answered the skipped IQ request {Id} from {From} with policy-violation")]
    public static partial void SkippedIqAnswered(ILogger logger, string id, string from);
}
