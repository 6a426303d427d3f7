using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.ClientState;

/// <summary>Log messages of client state indication (event ids 3530–3539).</summary>
internal static partial class ClientStateLog
{
    [LoggerMessage(3530, LogLevel.Debug, "Told the new session the client is inactive again (XEP-0352)")]
    public static partial void Reapplied(ILogger logger);

    [LoggerMessage(3531, LogLevel.Debug, "The server does not offer client state indication (XEP-0352): the state is only remembered")]
    public static partial void NotOffered(ILogger logger);
}
