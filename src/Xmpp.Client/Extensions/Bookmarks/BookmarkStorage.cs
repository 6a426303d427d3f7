namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>Where the account's bookmarks are read and written; see <see cref="BookmarksExtension.GetStorageAsync"/>.</summary>
public enum BookmarkStorage
{
    /// <summary>The PEP node <c>urn:xmpp:bookmarks:1</c> (XEP-0402), one item per room; changes are pushed.</summary>
    Pep,

    /// <summary>Private XML storage (XEP-0049) holding XEP-0048's <c>&lt;storage xmlns='storage:bookmarks'/&gt;</c>, written whole.</summary>
    PrivateXml,
}
