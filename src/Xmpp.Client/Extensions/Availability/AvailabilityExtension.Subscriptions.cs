using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

public sealed partial class AvailabilityExtension
{
    /// <summary>The stream feature by which a server announces subscription pre-approval (RFC 6121 §3.4.1).</summary>
    internal const string PreApprovalNamespace = "urn:xmpp:features:pre-approval";

    private static readonly System.Xml.Linq.XName PreApprovalFeature = System.Xml.Linq.XName.Get("sub", PreApprovalNamespace);

    private volatile bool _preApproval;

    /// <summary>
    /// Whether the server announced subscription pre-approval (RFC 6121 §3.4) for this session;
    /// <see langword="false"/> when not connected.
    /// </summary>
    public bool IsPreApprovalSupported => _preApproval && Client.State == XmppClientState.Connected;

    /// <summary>Asks <paramref name="contact"/> for a subscription to their presence (RFC 6121 §3.1).</summary>
    /// <param name="contact">The contact; the request goes to the bare JID.</param>
    /// <param name="status">A message for the contact ("Please add me"), if any.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    /// <remarks>The answer arrives as <see cref="SubscriptionApproved"/> or <see cref="SubscriptionDenied"/>; it can take
    /// days, and the server re-sends the request until it is answered.</remarks>
    public ValueTask SubscribeAsync(Jid contact, string? status = null, CancellationToken cancellationToken = default) =>
        SendSubscriptionAsync(contact, PresenceType.Subscribe, status, cancellationToken);

    /// <summary>Stops receiving <paramref name="contact"/>'s presence (RFC 6121 §3.3).</summary>
    /// <param name="contact">The contact; the stanza goes to the bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask UnsubscribeAsync(Jid contact, CancellationToken cancellationToken = default) =>
        SendSubscriptionAsync(contact, PresenceType.Unsubscribe, null, cancellationToken);

    /// <summary>Approves <paramref name="contact"/>'s request to see the account's presence (<c>subscribed</c>, RFC 6121 §3.1.5).</summary>
    /// <param name="contact">The contact; the answer goes to the bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask ApproveAsync(Jid contact, CancellationToken cancellationToken = default) =>
        SendSubscriptionAsync(contact, PresenceType.Subscribed, null, cancellationToken);

    /// <summary>
    /// Refuses <paramref name="contact"/>'s pending request to see the account's presence (<c>unsubscribed</c>,
    /// RFC 6121 §3.1.5). The same stanza as <see cref="CancelAsync"/>; the name says what the call is for.
    /// </summary>
    /// <param name="contact">The contact; the answer goes to the bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask DenyAsync(Jid contact, CancellationToken cancellationToken = default) =>
        SendSubscriptionAsync(contact, PresenceType.Unsubscribed, null, cancellationToken);

    /// <summary>
    /// Revokes <paramref name="contact"/>'s existing subscription to the account's presence (<c>unsubscribed</c>,
    /// RFC 6121 §3.2); the server then sends the contact unavailable presence from each of the account's resources.
    /// </summary>
    /// <param name="contact">The contact; the stanza goes to the bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask CancelAsync(Jid contact, CancellationToken cancellationToken = default) =>
        SendSubscriptionAsync(contact, PresenceType.Unsubscribed, null, cancellationToken);

    /// <summary>
    /// Approves a subscription request from <paramref name="contact"/> before it is made (<c>subscribed</c> sent first,
    /// RFC 6121 §3.4): the server then accepts the contact's future request without asking. Needs a server that
    /// supports it (<see cref="IsPreApprovalSupported"/>).
    /// </summary>
    /// <param name="contact">The contact; the stanza goes to the bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    /// <exception cref="NotSupportedException">The server did not announce pre-approval (without it, a
    /// <c>subscribed</c> sent before the request is ignored): wait for <see cref="SubscriptionRequested"/> and use
    /// <see cref="ApproveAsync"/> instead.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask PreApproveAsync(Jid contact, CancellationToken cancellationToken = default)
    {
        RequireJid(contact);
        if (Client.State == XmppClientState.Connected && !IsPreApprovalSupported)
        {
            throw new NotSupportedException(
                $"The server of '{Client.Options.Jid.Domain}' does not support subscription pre-approval (RFC 6121 §3.4): " +
                "wait for SubscriptionRequested and call ApproveAsync instead.");
        }

        return SendSubscriptionAsync(contact, PresenceType.Subscribed, null, cancellationToken);
    }

    private ValueTask SendSubscriptionAsync(Jid contact, PresenceType type, string? status, CancellationToken cancellationToken) =>
        SendOwnedAsync(new Presence(type) { To = RequireJid(contact).Bare, Status = status }, cancellationToken);
}
