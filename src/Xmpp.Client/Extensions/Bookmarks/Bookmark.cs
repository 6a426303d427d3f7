using System.Text;
using System.Xml.Linq;

namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>
/// A bookmarked chat room (XEP-0402 §3, XEP-0048 §3.2): the room's JID, the name to show, whether to join it on
/// connecting, and the nickname and password to join with.
/// </summary>
/// <remarks>
/// <see cref="Autojoin"/> is only kept and reported here; joining the rooms is up to the application (or the
/// multi-user chat extension). <see cref="ToString"/> leaves out the password.
/// </remarks>
/// <param name="Room">The room's bare JID, such as <c>coven@chat.shakespeare.lit</c>; it is the bookmark's key.</param>
/// <param name="Name">A name for the room, or <see langword="null"/>.</param>
/// <param name="Autojoin">Whether the user's clients should join the room when they connect.</param>
/// <param name="Nick">The nickname to join with, or <see langword="null"/> for the client's choice.</param>
/// <param name="Password">The room's password, or <see langword="null"/>. Kept by the server in the user's storage.</param>
public sealed record Bookmark(Jid Room, string? Name = null, bool Autojoin = false, string? Nick = null, string? Password = null)
{
    /// <summary>
    /// Elements other clients keep in the bookmark (XEP-0402's <c>&lt;extensions/&gt;</c>): kept when a bookmark read
    /// here is changed and set again. Empty for bookmarks in private XML storage. Two bookmarks are equal when these
    /// are too, element by element (<see cref="XNode.DeepEquals"/>).
    /// </summary>
    public IReadOnlyList<XElement> Extensions { get; init; } = [];

    /// <summary>Whether the other bookmark has the same room, name, autojoin, nick, password and extensions.</summary>
    /// <param name="other">The other bookmark.</param>
    public bool Equals(Bookmark? other) =>
        other is not null
        && Room == other.Room && Name == other.Name && Autojoin == other.Autojoin && Nick == other.Nick && Password == other.Password
        && Extensions.Count == other.Extensions.Count && Extensions.Zip(other.Extensions).All(pair => XNode.DeepEquals(pair.First, pair.Second));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Room, Name, Autojoin, Nick, Password, Extensions.Count);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Room = ").Append(Room.ToString())
            .Append(", Name = ").Append(Name)
            .Append(", Autojoin = ").Append(Autojoin)
            .Append(", Nick = ").Append(Nick)
            .Append(", Password = ").Append(Password is null ? "null" : "***");
        return true;
    }
}
