using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>The session's log messages about event handlers (event ids 1910–1919).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(1910, LogLevel.Warning,
        "Event handlers were still running {Seconds} s after the client was disposed; it was disposed without waiting for them")]
    public static partial void HandlersStillRunning(ILogger logger, double seconds);
}
