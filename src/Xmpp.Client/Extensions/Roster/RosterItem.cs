namespace Xmpp.Client.Extensions.Roster;

/// <summary>
/// A contact in the roster (RFC 6121 §2.1.2). Create one with a JID, a name and groups to add or update a contact with
/// <see cref="RosterExtension.AddOrUpdateAsync"/>; the subscription state, <see cref="Ask"/> and <see cref="Approved"/> are
/// set by the server and only read.
/// </summary>
/// <remarks>Two items are equal when every property is, with <see cref="Groups"/> compared as a set.</remarks>
public sealed record RosterItem
{
    private readonly IReadOnlyList<string> _groups = [];

    /// <summary>Creates an item.</summary>
    /// <param name="jid">The contact's JID, normally a bare JID.</param>
    /// <param name="name">The user's name for the contact, or <see langword="null"/>.</param>
    /// <param name="groups">The groups the contact is in (duplicates are dropped).</param>
    /// <exception cref="ArgumentException"><paramref name="jid"/> is empty, or a group name is empty.</exception>
    public RosterItem(Jid jid, string? name = null, IEnumerable<string>? groups = null)
    {
        if (jid.IsEmpty)
        {
            throw new ArgumentException("A roster item needs a JID.", nameof(jid));
        }

        Jid = jid;
        Name = name;
        Groups = groups?.ToArray() ?? [];
    }

    /// <summary>The contact's JID; the key of <see cref="RosterExtension.Items"/>.</summary>
    public Jid Jid { get; init; }

    /// <summary>The user's name for the contact (the <c>name</c> attribute), or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The groups the contact is in, without duplicates; empty when none.</summary>
    /// <exception cref="ArgumentException">A group name is empty (RFC 6121 §2.1.2.4).</exception>
    public IReadOnlyList<string> Groups
    {
        get => _groups;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException("A roster group name must not be empty (RFC 6121 §2.1.2.4).", nameof(value));
            }

            _groups = value.Distinct(StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The presence subscription between the user and the contact.</summary>
    public RosterSubscription Subscription { get; init; }

    /// <summary>Whether the user asked to subscribe to the contact's presence and the contact has not answered yet
    /// (<c>ask='subscribe'</c>).</summary>
    public bool Ask { get; init; }

    /// <summary>Whether the user pre-approved the contact's subscription request (RFC 6121 §3.4).</summary>
    public bool Approved { get; init; }

    /// <inheritdoc/>
    public bool Equals(RosterItem? other) =>
        other is not null
        && Jid == other.Jid
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Subscription == other.Subscription
        && Ask == other.Ask
        && Approved == other.Approved
        && Groups.Count == other.Groups.Count
        && Groups.All(other.Groups.Contains);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var groups = 0;
        foreach (var group in Groups)
        {
            groups ^= StringComparer.Ordinal.GetHashCode(group);
        }

        return HashCode.Combine(Jid, Name, Subscription, Ask, Approved, groups);
    }
}
