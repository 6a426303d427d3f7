using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions;

/// <summary>Log messages of the extension API itself (event ids 3000–3009).</summary>
internal static partial class ExtensionLog
{
    [LoggerMessage(3000, LogLevel.Debug, "A {Payload} from {From} could not be read; the typed route was passed by")]
    public static partial void UnreadablePayload(ILogger logger, string payload, string from, Exception error);
}
