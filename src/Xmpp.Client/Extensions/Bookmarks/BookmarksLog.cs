using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>Log messages of the bookmarks extension (event ids 3430–3459).</summary>
internal static partial class BookmarksLog
{
    [LoggerMessage(3430, LogLevel.Debug, "Bookmarks of {Account} are kept in {Storage} (urn:xmpp:bookmarks:1#compat announced: {Compat})")]
    public static partial void StorageChosen(ILogger logger, string account, BookmarkStorage storage, bool compat);

    [LoggerMessage(3431, LogLevel.Warning, "Could not ask {Account} for its features; its bookmarks are kept in private XML storage this session")]
    public static partial void DiscoFailed(ILogger logger, string account, Exception error);

    [LoggerMessage(3432, LogLevel.Warning, "Ignored a bookmarks notification from {Publisher}: only the account's own bookmarks are pushed to it (XEP-0402 §4)")]
    public static partial void ForeignNotification(ILogger logger, string publisher);

    [LoggerMessage(3433, LogLevel.Warning, "Skipped an unreadable bookmark: {Reason}")]
    public static partial void UnreadableBookmark(ILogger logger, string reason);

    [LoggerMessage(3434, LogLevel.Information, "The bookmarks node's configuration did not match the publish-options; it was reconfigured and the bookmark published again")]
    public static partial void NodeReconfigured(ILogger logger);

    [LoggerMessage(3435, LogLevel.Information, "The server refused the bookmarks' publish-options ({Error}); the node is configured first and the bookmark published without them")]
    public static partial void OptionsRefused(ILogger logger, string error);

    [LoggerMessage(3436, LogLevel.Warning, "Could not read the bookmarks to join their autojoin rooms")]
    public static partial void AutojoinReadFailed(ILogger logger, Exception error);

    [LoggerMessage(3437, LogLevel.Warning, "Could not join the bookmarked room {Room}")]
    public static partial void AutojoinFailed(ILogger logger, string room, Exception error);
}
