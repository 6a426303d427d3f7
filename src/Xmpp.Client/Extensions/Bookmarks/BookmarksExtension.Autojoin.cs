using Xmpp.Client.Extensions.Muc;

namespace Xmpp.Client.Extensions.Bookmarks;

public sealed partial class BookmarksExtension
{
    private readonly HashSet<Jid> _autojoined = [];
    private MucExtension? _muc;

    /// <summary>
    /// Whether to join the rooms bookmarked with autojoin (XEP-0402 §3.3) after each new session (a resumed one is
    /// still in them; after a reconnection the multi-user chat extension rejoins what it was in) and to follow the
    /// pushes: a room newly marked is joined, one this extension joined is left when its bookmark is removed or
    /// unmarked. Off by default, so a bot enters no room it was not told to; turn it on with
    /// <c>XmppExtensionSet.Default.Add(() =&gt; new BookmarksExtension { AutojoinRooms = true })</c>. The nick is the
    /// bookmark's, or the account's local part; failures are logged (<see cref="MucRoom.Left"/> and the room's other
    /// events tell the rest).
    /// </summary>
    public bool AutojoinRooms { get; init; }

    private void InitializeAutojoin(XmppExtensionContext context)
    {
        if (!AutojoinRooms)
        {
            return;
        }

        _muc = context.Require<MucExtension>();
        context.OnSessionStarted((session, _) =>
        {
            if (!session.IsResumed)
            {
                context.RunInBackground(JoinAutojoinRoomsAsync);
            }

            return Task.CompletedTask;
        });
    }

    private async Task JoinAutojoinRoomsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Bookmark> bookmarks;
        try
        {
            bookmarks = await GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException)
        {
            BookmarksLog.AutojoinReadFailed(Context.Logger, error);
            return;
        }

        foreach (var bookmark in bookmarks.Where(bookmark => bookmark.Autojoin))
        {
            await JoinAsync(bookmark, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a push (on the event task): joins and leaves in the background, as the bookmarks now say.</summary>
    private void FollowAutojoin(IReadOnlyList<Bookmark> set, IReadOnlyList<Jid> removed)
    {
        if (_muc is null)
        {
            return;
        }

        foreach (var bookmark in set.Where(bookmark => bookmark.Autojoin))
        {
            Context.RunInBackground(token => JoinAsync(bookmark, token));
        }

        foreach (var room in removed.Concat(set.Where(bookmark => !bookmark.Autojoin).Select(bookmark => bookmark.Room)))
        {
            bool ours;
            lock (_autojoined)
            {
                ours = _autojoined.Remove(room);
            }

            if (ours)
            {
                var left = _muc.GetRoom(room);
                Context.RunInBackground(token => left.LeaveAsync(cancellationToken: token));
            }
        }
    }

    private async Task JoinAsync(Bookmark bookmark, CancellationToken cancellationToken)
    {
        var room = _muc!.GetRoom(bookmark.Room);
        if (room.State != MucRoomState.NotJoined)
        {
            return; // In, joining, or rejoining by itself.
        }

        var nick = bookmark.Nick ?? (Client.BoundJid ?? Client.Options.Jid).Local ?? "user";
        lock (_autojoined)
        {
            _autojoined.Add(bookmark.Room); // Before the join: a removal pushed while it runs leaves the room again.
        }

        try
        {
            await room.JoinAsync(nick, new MucJoinOptions { Password = bookmark.Password }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is MucJoinException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException)
        {
            lock (_autojoined)
            {
                _autojoined.Remove(bookmark.Room);
            }

            BookmarksLog.AutojoinFailed(Context.Logger, bookmark.Room.ToString(), error);
        }
    }
}
