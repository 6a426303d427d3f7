using System.Globalization;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

/// <summary>The last available presence received from one resource of a contact (or of the account itself).</summary>
public sealed class ResourcePresence
{
    /// <summary>Creates the record of one resource's presence.</summary>
    /// <param name="jid">The sender: a full JID, or a bare JID for entities that send presence without a resource.</param>
    /// <param name="show">The availability sub-state.</param>
    /// <param name="status">The free-text status, if any.</param>
    /// <param name="priority">The resource's priority.</param>
    /// <param name="receivedAt">When the presence arrived.</param>
    public ResourcePresence(Jid jid, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt)
        : this(jid, show, status, priority, receivedAt, sequence: 0)
    {
    }

    internal ResourcePresence(Jid jid, PresenceShow show, string? status, sbyte priority, DateTimeOffset receivedAt, long sequence)
    {
        if (jid.IsEmpty)
        {
            throw new ArgumentException("The JID must not be empty.", nameof(jid));
        }

        Jid = jid;
        Show = show;
        Status = status;
        Priority = priority;
        ReceivedAt = receivedAt;
        Sequence = sequence;
    }

    /// <summary>The sender: a full JID, or a bare JID for entities that send presence without a resource.</summary>
    public Jid Jid { get; }

    /// <summary>The availability sub-state (<c>&lt;show/&gt;</c>).</summary>
    public PresenceShow Show { get; }

    /// <summary>The free-text status, if any.</summary>
    public string? Status { get; }

    /// <summary>The resource's priority, -128 to 127.</summary>
    public sbyte Priority { get; }

    /// <summary>When the presence arrived (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The arrival order within the client's table (higher is more recent); breaks the last ranking tie.</summary>
    internal long Sequence { get; }

    /// <summary>The presence for diagnostics, such as <c>juliet@example.com/balcony Away (5) "Out"</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Jid} {Show} ({Priority}){(Status is null ? "" : $" \"{Status}\"")}");
}
