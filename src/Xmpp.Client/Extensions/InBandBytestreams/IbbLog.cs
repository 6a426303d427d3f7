using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>Log messages of in-band bytestreams (event ids 3730–3744).</summary>
internal static partial class IbbLog
{
    [LoggerMessage(3730, LogLevel.Debug, "In-band bytestream {Sid} with {Peer} opened ({BlockSize}-byte blocks, {Direction})")]
    public static partial void Opened(ILogger logger, string sid, string peer, int blockSize, string direction);

    [LoggerMessage(3731, LogLevel.Information, "Refused an in-band bytestream {Sid} from {Peer}: {Reason}")]
    public static partial void Refused(ILogger logger, string sid, string peer, string reason);

    [LoggerMessage(3732, LogLevel.Debug, "In-band bytestream {Sid} with {Peer} closed by {By}")]
    public static partial void Closed(ILogger logger, string sid, string peer, string by);

    [LoggerMessage(3733, LogLevel.Warning, "In-band bytestream {Sid} with {Peer} broken: {Reason}")]
    public static partial void Broken(ILogger logger, string sid, string peer, string reason);

    [LoggerMessage(3734, LogLevel.Debug, "In-band data for an unknown stream {Sid} from {Peer} answered item-not-found")]
    public static partial void UnknownStream(ILogger logger, string sid, string peer);

    [LoggerMessage(3735, LogLevel.Warning, "A StreamRequested handler failed; the stream counts as not accepted by it")]
    public static partial void HandlerFailed(ILogger logger, Exception error);

    [LoggerMessage(3736, LogLevel.Debug, "Closing in-band bytestream {Sid} with {Peer} failed: {Reason}")]
    public static partial void CloseFailed(ILogger logger, string sid, string peer, string reason);
}
