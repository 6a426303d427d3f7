using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

public sealed partial class AvailabilityExtension
{
    /// <summary>
    /// Broadcasts the account's availability to its subscribers (RFC 6121 §4.2, §4.4). The first one of a session is
    /// the initial presence: after it the server sends the contacts' presence and delivers waiting subscription requests.
    /// </summary>
    /// <param name="show">The availability sub-state.</param>
    /// <param name="status">A free-text status, if any.</param>
    /// <param name="priority">This resource's priority (-128 to 127): messages to the bare JID go to the highest;
    /// a negative priority receives none of them.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask SendAvailableAsync(PresenceShow show = PresenceShow.None, string? status = null, sbyte priority = 0, CancellationToken cancellationToken = default) =>
        SendOwnedAsync(Available(show, status, priority), cancellationToken);

    /// <summary>
    /// Tells the subscribers (and everyone who got directed presence) that the account's resource is going offline
    /// (RFC 6121 §4.5); the session stays open.
    /// </summary>
    /// <param name="status">A free-text status, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask SendUnavailableAsync(string? status = null, CancellationToken cancellationToken = default) =>
        SendOwnedAsync(new Presence(PresenceType.Unavailable) { Status = status }, cancellationToken);

    /// <summary>
    /// Sends availability to one entity only (directed presence, RFC 6121 §4.6), such as a contact the account has no
    /// subscription with; end it with <see cref="SendDirectedUnavailableAsync"/>.
    /// </summary>
    /// <param name="to">The recipient, a bare or full JID.</param>
    /// <param name="show">The availability sub-state.</param>
    /// <param name="status">A free-text status, if any.</param>
    /// <param name="priority">This resource's priority.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask SendDirectedAsync(Jid to, PresenceShow show = PresenceShow.None, string? status = null, sbyte priority = 0, CancellationToken cancellationToken = default)
    {
        var presence = Available(show, status, priority);
        presence.To = RequireJid(to, nameof(to));
        return SendOwnedAsync(presence, cancellationToken);
    }

    /// <summary>Ends a directed presence: tells one entity the account's resource is unavailable (RFC 6121 §4.6.3).</summary>
    /// <param name="to">The recipient, a bare or full JID.</param>
    /// <param name="status">A free-text status, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask SendDirectedUnavailableAsync(Jid to, string? status = null, CancellationToken cancellationToken = default) =>
        SendOwnedAsync(new Presence(PresenceType.Unavailable) { To = RequireJid(to, nameof(to)), Status = status }, cancellationToken);

    /// <summary>Sends a presence the extension built (no copy).</summary>
    private async ValueTask SendOwnedAsync(Presence presence, CancellationToken cancellationToken) =>
        await Context.SendAsync(presence, cancellationToken).ConfigureAwait(false);

    private static Presence Available(PresenceShow show, string? status, sbyte priority) =>
        new() { Show = show, Status = status, Priority = priority };

    private static Jid RequireJid(Jid jid, string name = "contact") =>
        jid.IsEmpty ? throw new ArgumentException("The JID must not be empty.", name) : jid;
}
