namespace Xmpp.Client.Extensions.Blocking;

/// <summary>A change to the block list, pushed by the server; see <see cref="BlockingExtension.BlockListChanged"/>.</summary>
public sealed class BlockListChangedEventArgs : EventArgs
{
    internal BlockListChangedEventArgs(IReadOnlyList<Jid> blocked, IReadOnlyList<Jid> unblocked)
    {
        Blocked = blocked;
        Unblocked = unblocked;
    }

    /// <summary>The JIDs that were added to the block list.</summary>
    public IReadOnlyList<Jid> Blocked { get; }

    /// <summary>The JIDs that were removed from the block list (every one, when the whole list was cleared).</summary>
    public IReadOnlyList<Jid> Unblocked { get; }
}
