using System.Collections.Immutable;

namespace Xmpp.Client.Extensions.Roster;

/// <summary>A snapshot of the roster: the items by JID and the roster version they correspond to (XEP-0237).</summary>
internal sealed record RosterState(ImmutableDictionary<Jid, RosterItem> Items, string? Version)
{
    public static RosterState Empty { get; } = new(ImmutableDictionary<Jid, RosterItem>.Empty, null);

    /// <summary>A whole roster from a get result (items whose subscription is 'remove' are left out).</summary>
    public static RosterState FromItems(IEnumerable<RosterItem> items, string? version)
    {
        var builder = ImmutableDictionary.CreateBuilder<Jid, RosterItem>();
        foreach (var item in items)
        {
            if (item.Subscription != RosterSubscription.Remove)
            {
                builder[item.Jid] = item;
            }
        }

        return new RosterState(builder.ToImmutable(), version);
    }

    /// <summary>
    /// The roster after a push of <paramref name="item"/>. The push's version replaces the current one; a push
    /// without one leaves no version, so the next get fetches the whole roster.
    /// </summary>
    public RosterState With(RosterItem item, string? version) => new(
        item.Subscription == RosterSubscription.Remove ? Items.Remove(item.Jid) : Items.SetItem(item.Jid, item),
        version);
}
