using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

/// <summary>
/// Orders a contact's resources best first: highest priority (RFC 6121 §4.7.2.3), then the most available show
/// (chat, none, away, xa, dnd), then the most recently received presence.
/// </summary>
internal sealed class ResourceRanking : IComparer<ResourcePresence>
{
    public static ResourceRanking Instance { get; } = new();

    /// <summary>Negative when <paramref name="x"/> ranks before (is better than) <paramref name="y"/>.</summary>
    public int Compare(ResourcePresence? x, ResourcePresence? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byShow = ShowRank(y.Show).CompareTo(ShowRank(x.Show));
        return byShow != 0 ? byShow : y.Sequence.CompareTo(x.Sequence);
    }

    /// <summary>How available a show value says the person is; higher is more available.</summary>
    internal static int ShowRank(PresenceShow show) => show switch
    {
        PresenceShow.Chat => 4,
        PresenceShow.None => 3,
        PresenceShow.Away => 2,
        PresenceShow.Xa => 1,
        _ => 0,
    };
}
