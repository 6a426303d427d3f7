using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Blocking;

/// <summary>Log messages of the blocking extension (event ids 3150–3199).</summary>
internal static partial class BlockingLog
{
    [LoggerMessage(3150, LogLevel.Warning, "Ignored a block list push from {From}: only the account's bare JID may push it (XEP-0191 §3.3)")]
    public static partial void SpoofedPush(ILogger logger, string from);

    [LoggerMessage(3151, LogLevel.Warning, "Refused an invalid block list push: {Reason}")]
    public static partial void InvalidPush(ILogger logger, string reason);

    [LoggerMessage(3152, LogLevel.Warning, "Skipped a block list item without a valid JID in {Payload}")]
    public static partial void InvalidItem(ILogger logger, string payload);
}
