using Xmpp.Client.Extensions.Roster;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>Legacy contacts in the roster, and the session with the legacy network (XEP-0100 §4.4–4.5).</summary>
public sealed partial class GatewaysExtension
{
    /// <summary>
    /// Whether <paramref name="jid"/> is a contact on a legacy network: a JID with a localpart at the domain of a known
    /// gateway (<see cref="KnownGateways"/>). The gateway itself is not a contact. Sends nothing.
    /// </summary>
    /// <param name="jid">A JID, bare or full, such as a roster item's.</param>
    public bool IsGatewayContact(Jid jid) => !jid.IsEmpty && jid.Local is not null && TryGetGateway(jid, out _);

    /// <summary>
    /// The roster items that are contacts at <paramref name="gateway"/>, from <see cref="RosterExtension.Items"/>
    /// (fetch the roster first). Sends nothing.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID (it need not be known).</param>
    /// <returns>The items, in no particular order.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    public IReadOnlyList<RosterItem> GetContacts(Jid gateway)
    {
        RequireDomain(gateway, nameof(gateway));
        return [.. _roster.Items.Values.Where(item => item.Jid.Local is not null && string.Equals(item.Jid.Domain, gateway.Domain, StringComparison.Ordinal))];
    }

    /// <summary>
    /// Logs in to the legacy network (XEP-0100 §4.4): sends the gateway directed available presence. The gateway
    /// answers with its own presence once logged in (see <see cref="IsLoggedIn"/>) and then the legacy contacts'.
    /// A registration is needed first.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="show">The availability to show on the legacy network.</param>
    /// <param name="status">A free-text status, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask LogInAsync(Jid gateway, PresenceShow show = PresenceShow.None, string? status = null, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        return _availability.SendDirectedAsync(gateway, show, status, priority: 0, cancellationToken);
    }

    /// <summary>
    /// Logs out of the legacy network (XEP-0100 §4.5): sends the gateway directed unavailable presence. The gateway
    /// answers with unavailable presence from itself and the legacy contacts.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public ValueTask LogOutAsync(Jid gateway, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        return _availability.SendDirectedUnavailableAsync(gateway, status: null, cancellationToken);
    }

    /// <summary>
    /// Whether the gateway says the account is logged in to the legacy network: it sent available presence that it
    /// has not withdrawn (tracked by <see cref="XmppClient.Availability"/>). Sends nothing.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    public bool IsLoggedIn(Jid gateway)
    {
        RequireDomain(gateway, nameof(gateway));
        return _availability.IsAvailable(gateway);
    }
}
