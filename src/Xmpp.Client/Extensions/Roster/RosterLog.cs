using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Roster;

/// <summary>Log messages of the roster extension (event ids 3100–3149).</summary>
internal static partial class RosterLog
{
    [LoggerMessage(3100, LogLevel.Warning, "Ignored a roster push from {From}: only the account's bare JID may push the roster (RFC 6121 §2.1.6)")]
    public static partial void SpoofedPush(ILogger logger, string from);

    [LoggerMessage(3101, LogLevel.Warning, "Refused a roster push with {Count} valid items: a push carries exactly one (RFC 6121 §2.1.6)")]
    public static partial void InvalidPush(ILogger logger, int count);

    [LoggerMessage(3102, LogLevel.Warning, "Skipped a roster item with an invalid JID or subscription: {Item}")]
    public static partial void InvalidItem(ILogger logger, string item);

    [LoggerMessage(3103, LogLevel.Debug, "Roster unchanged since version {Version}")]
    public static partial void Unchanged(ILogger logger, string version);

    [LoggerMessage(3104, LogLevel.Debug, "Roster loaded: {Count} items, version {Version}")]
    public static partial void Loaded(ILogger logger, int count, string? version);
}
