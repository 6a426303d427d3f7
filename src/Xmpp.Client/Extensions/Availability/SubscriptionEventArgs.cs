using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

/// <summary>
/// A subscription request or answer from a contact; see <see cref="AvailabilityExtension.SubscriptionRequested"/> and the
/// extension's other subscription events.
/// </summary>
public sealed class SubscriptionEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="contact">The contact's bare JID.</param>
    /// <param name="stanza">The presence stanza that carried the request or answer.</param>
    public SubscriptionEventArgs(Jid contact, Presence stanza)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        if (contact.IsEmpty)
        {
            throw new ArgumentException("The contact JID must not be empty.", nameof(contact));
        }

        Contact = contact.Bare;
        Stanza = stanza;
    }

    /// <summary>The contact's bare JID (subscriptions are always between bare JIDs, RFC 6121 §3).</summary>
    public Jid Contact { get; }

    /// <summary>The text the contact sent with it (<c>&lt;status/&gt;</c>), such as "Please add me", if any.</summary>
    public string? Status => Stanza.Status;

    /// <summary>The presence stanza itself, for its extensions (a nickname, XEP-0172, for example).</summary>
    public Presence Stanza { get; }
}
