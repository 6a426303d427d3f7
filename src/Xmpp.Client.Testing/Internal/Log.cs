using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Testing.Internal;

/// <summary>What the in-memory server logs (event ids 4050–4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4050, Level = LogLevel.Debug, Message = "In-memory server: {Jid} bound")]
    public static partial void Bound(ILogger logger, Jid jid);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Debug, Message = "In-memory server: {Jid} disconnected")]
    public static partial void Unbound(ILogger logger, Jid jid);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Warning, Message = "In-memory server: the client sent XML the server does not accept: {Reason}")]
    public static partial void NotWellFormed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4053, Level = LogLevel.Warning, Message = "In-memory server: {Jid} does not read what it is sent; disconnected")]
    public static partial void OutboxFull(ILogger logger, Jid jid);

    [LoggerMessage(EventId = 4054, Level = LogLevel.Trace, Message = "In-memory server: from {Jid}: {Stanza}")]
    public static partial void Received(ILogger logger, Jid jid, System.Xml.Linq.XElement stanza);
}
