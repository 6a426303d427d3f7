using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Carbons;

/// <summary>Log messages of message carbons (event ids 3500–3519).</summary>
internal static partial class CarbonsLog
{
    [LoggerMessage(3500, LogLevel.Warning, "Dropped a forged carbon from {From}: only the account's bare JID may send carbons (XEP-0280 §11, CVE-2017-5589)")]
    public static partial void Forged(ILogger logger, string from);

    [LoggerMessage(3501, LogLevel.Warning, "Dropped a carbon without a readable forwarded message from {From}")]
    public static partial void Unreadable(ILogger logger, string from);

    [LoggerMessage(3502, LogLevel.Debug, "Message carbons enabled (XEP-0280)")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(3503, LogLevel.Debug, "The server does not offer message carbons (XEP-0280)")]
    public static partial void NotOffered(ILogger logger);

    [LoggerMessage(3504, LogLevel.Warning, "Could not enable message carbons: {Reason}")]
    public static partial void EnableFailed(ILogger logger, string reason, Exception error);
}
