namespace Xmpp.Client.Extensions.Availability;

/// <summary>
/// One resource of a contact (or of the account itself) became available, changed its presence, or went away; see
/// <see cref="AvailabilityExtension.ContactPresenceChanged"/>.
/// </summary>
public sealed class ContactPresenceChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="resource">The resource whose presence changed (a full JID, or a bare JID for entities that send
    /// presence without a resource).</param>
    /// <param name="presence">Its new presence; <see langword="null"/> when it is no longer available.</param>
    public ContactPresenceChangedEventArgs(Jid resource, ResourcePresence? presence)
    {
        if (resource.IsEmpty)
        {
            throw new ArgumentException("The resource JID must not be empty.", nameof(resource));
        }

        Resource = resource;
        Presence = presence;
    }

    /// <summary>The contact: the bare JID of <see cref="Resource"/>.</summary>
    public Jid Contact => Resource.Bare;

    /// <summary>The resource whose presence changed.</summary>
    public Jid Resource { get; }

    /// <summary>The resource's new presence; <see langword="null"/> when it is no longer available.</summary>
    public ResourcePresence? Presence { get; }

    /// <summary>Whether the resource is available now.</summary>
    public bool IsAvailable => Presence is not null;
}
