using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Availability;

/// <summary>Log messages of presence tracking (event ids 2400–2449).</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(2400, LogLevel.Warning,
        "The presence table is full ({Count} resources, about {Bytes} bytes): {Jid} is not tracked, nor are other new contacts until room is free (see XmppClientOptions.MaxTrackedResources)")]
    public static partial void TableFull(ILogger logger, int count, long bytes, Jid jid);

    [LoggerMessage(2401, LogLevel.Debug, "The presence table is full: {Jid} is not tracked")]
    public static partial void NotTracked(ILogger logger, Jid jid);

    [LoggerMessage(2402, LogLevel.Debug, "Stopped tracking {Evicted} to make room for {Jid}")]
    public static partial void Evicted(ILogger logger, Jid evicted, Jid jid);
}
