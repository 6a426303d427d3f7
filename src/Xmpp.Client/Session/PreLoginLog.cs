using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>Log messages of <see cref="XmppPreLoginConnection"/>.</summary>
internal static partial class PreLoginLog
{
    [LoggerMessage(2500, LogLevel.Information, "Pre-login connection to {Domain} open ({Encryption})")]
    public static partial void Opened(ILogger logger, string domain, string encryption);

    [LoggerMessage(2501, LogLevel.Debug, "Pre-login connection ignored a <{Name}/> that does not answer the request {Id}")]
    public static partial void Ignored(ILogger logger, string name, string id);

    [LoggerMessage(2502, LogLevel.Debug, "Pre-login connection to {Domain} closed")]
    public static partial void Closed(ILogger logger, string domain);
}
