using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>Log messages of service discovery and entity capabilities (event ids 2300–2349).</summary>
internal static partial class DiscoLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Debug, Message = "Verifying the capabilities {Ver} announced by {Jid}")]
    public static partial void Verifying(ILogger logger, string ver, Jid jid);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning,
        Message = "The capabilities {Jid} announced do not match their verification string {Ver} (the answer hashes to {Computed}); not cached")]
    public static partial void HashMismatch(ILogger logger, Jid jid, string ver, string computed);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "The capabilities answer of {Jid} for {Ver} is ill-formed ({Problem}); not cached")]
    public static partial void IllFormed(ILogger logger, Jid jid, string ver, string problem);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Debug, Message = "Could not query the capabilities {Ver} of {Jid}")]
    public static partial void QueryFailed(ILogger logger, string ver, Jid jid, Exception error);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Debug,
        Message = "{Count} capability verifications are under way ({ByContact} for this contact); {Jid}'s {Ver} is verified on its next presence or request")]
    public static partial void TooManyLookups(ILogger logger, int count, int byContact, Jid jid, string ver);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Debug, Message = "Verified and cached the capabilities {Ver} announced by {Jid}")]
    public static partial void Verified(ILogger logger, string ver, Jid jid);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning,
        Message = "The capabilities {Ver} of {Jid} take about {Bytes} bytes, more than one entry may; not cached")]
    public static partial void TooLarge(ILogger logger, Jid jid, string ver, long bytes);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Debug, Message = "No room to remember the capabilities {Jid} announced; they stay unknown")]
    public static partial void NotTracked(ILogger logger, Jid jid);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Debug, Message = "The presence could not be sent again with the new capabilities; the next presence carries them")]
    public static partial void ResendFailed(ILogger logger, Exception error);
}
