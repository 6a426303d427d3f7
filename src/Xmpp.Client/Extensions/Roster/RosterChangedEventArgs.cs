namespace Xmpp.Client.Extensions.Roster;

/// <summary>A change to the roster, announced by the server in a roster push; see <see cref="RosterExtension.RosterChanged"/>.</summary>
public sealed class RosterChangedEventArgs : EventArgs
{
    internal RosterChangedEventArgs(RosterChangeKind kind, RosterItem item, RosterItem? previous)
    {
        Kind = kind;
        Item = item;
        Previous = previous;
    }

    /// <summary>Whether the contact was added, updated or removed.</summary>
    public RosterChangeKind Kind { get; }

    /// <summary>The contact as it is now; for <see cref="RosterChangeKind.Removed"/>, as it was before the removal.</summary>
    public RosterItem Item { get; }

    /// <summary>The contact before the change; <see langword="null"/> for <see cref="RosterChangeKind.Added"/>.</summary>
    public RosterItem? Previous { get; }
}
