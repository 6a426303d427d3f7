using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Net;

/// <summary>Log messages of endpoint resolution (event ids 1100–1199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "SRV {Name}: {Count} record(s)")]
    public static partial void SrvRecordsFound(ILogger logger, string name, int count);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "SRV {Name}: no records")]
    public static partial void SrvNoRecords(ILogger logger, string name);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "SRV lookup of {Name} failed, going on to the next step: {Error}")]
    public static partial void SrvLookupFailed(ILogger logger, string name, string error);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "SRV {Name} has the target '.': the domain says this service is not available")]
    public static partial void SrvServiceUnavailable(ILogger logger, string name);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Address lookup of {Host} failed: {Error}")]
    public static partial void AddressLookupFailed(ILogger logger, string host, string error);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Endpoint {Endpoint}: {Count} address(es)")]
    public static partial void EndpointResolved(ILogger logger, XmppEndpoint endpoint, int count);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "No SRV records for {Domain}: falling back to its address records and port {Port}")]
    public static partial void FallingBack(ILogger logger, string domain, int port);
}
