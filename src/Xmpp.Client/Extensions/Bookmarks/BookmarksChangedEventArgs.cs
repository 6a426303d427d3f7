namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>A change of the account's bookmarks pushed by the server; see <see cref="BookmarksExtension.BookmarksChanged"/>.</summary>
public sealed class BookmarksChangedEventArgs : EventArgs
{
    internal BookmarksChangedEventArgs(IReadOnlyList<Bookmark> set, IReadOnlyList<Jid> removed)
    {
        Set = set;
        Removed = removed;
    }

    /// <summary>The bookmarks added or replaced.</summary>
    public IReadOnlyList<Bookmark> Set { get; }

    /// <summary>The rooms whose bookmarks were removed.</summary>
    public IReadOnlyList<Jid> Removed { get; }
}
