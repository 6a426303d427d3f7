using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Jingle;

/// <summary>Log messages of Jingle file transfer (event ids 3750–3779).</summary>
internal static partial class JingleLog
{
    [LoggerMessage(3750, LogLevel.Information, "Offering file {Name} ({Size} bytes) to {Peer} in Jingle session {Sid}")]
    public static partial void Offering(ILogger logger, string name, string size, string peer, string sid);

    [LoggerMessage(3751, LogLevel.Information, "{Peer} offers file {Name} ({Size} bytes) in Jingle session {Sid}")]
    public static partial void Offered(ILogger logger, string peer, string name, string size, string sid);

    [LoggerMessage(3752, LogLevel.Debug, "Jingle session {Sid} with {Peer} accepted")]
    public static partial void Accepted(ILogger logger, string sid, string peer);

    [LoggerMessage(3753, LogLevel.Information, "Jingle session {Sid} with {Peer} ended with {Reason} by {By}")]
    public static partial void Ended(ILogger logger, string sid, string peer, string reason, string by);

    [LoggerMessage(3754, LogLevel.Information, "Refused a file offer {Sid} from {Peer}: {Reason}")]
    public static partial void Refused(ILogger logger, string sid, string peer, string reason);

    [LoggerMessage(3755, LogLevel.Debug, "Jingle {Action} for an unknown session {Sid} from {Peer} answered unknown-session")]
    public static partial void UnknownSession(ILogger logger, string action, string sid, string peer);

    [LoggerMessage(3756, LogLevel.Debug, "{Peer} refused the checksum of session {Sid} ({Error}); it cannot verify the file")]
    public static partial void ChecksumRefused(ILogger logger, string sid, string peer, string error);

    [LoggerMessage(3757, LogLevel.Information, "{Peer} gave no hash for the file of session {Sid}: it arrived unverified")]
    public static partial void NoHash(ILogger logger, string sid, string peer);

    [LoggerMessage(3758, LogLevel.Debug, "Could not send session-terminate {Reason} for session {Sid} to {Peer}: {Error}")]
    public static partial void TerminateFailed(ILogger logger, string reason, string sid, string peer, string error);

    [LoggerMessage(3759, LogLevel.Warning, "A FileOffered handler neither accepted nor declined offer {Sid} from {Peer} and nobody else listens: declined")]
    public static partial void Unanswered(ILogger logger, string sid, string peer);
}
