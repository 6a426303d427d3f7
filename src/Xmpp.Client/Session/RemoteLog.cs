using Xmpp.Client.Extensions.Common;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Session;

/// <summary>
/// Log messages about what the server or a peer sent that the session refuses or caps (event ids 1400–1449). What they
/// quote of the remote side is shortened, so a flood cannot fill the log.
/// </summary>
internal static partial class RemoteLog
{
    [LoggerMessage(1400, LogLevel.Warning, "Dropped a <{Kind}/> with id {Id}: its 'from' '{From}' is not a valid JID (it is not treated as coming from the server)")]
    private static partial void InvalidFromCore(ILogger logger, string kind, string id, string from);

    public static void InvalidFrom(ILogger logger, string kind, string? id, string from) =>
        InvalidFromCore(logger, kind, RemoteText.Quote(id ?? "(none)"), RemoteText.Quote(from));
}
