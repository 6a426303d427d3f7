using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.StanzaIds;

internal static partial class StanzaIdsLog
{
    [LoggerMessage(1730, LogLevel.Debug, "Server of {Account} announces urn:xmpp:sid:0: {Supported}")]
    public static partial void ServerSupport(ILogger logger, string account, bool supported);

    [LoggerMessage(1731, LogLevel.Warning, "Could not ask {Account} for its features; its stanza ids are not trusted this session")]
    public static partial void DiscoFailed(ILogger logger, string account, Exception error);
}
