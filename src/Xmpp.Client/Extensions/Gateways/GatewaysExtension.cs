using System.Diagnostics.CodeAnalysis;
using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.Roster;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>
/// Gateways to legacy networks (XEP-0100): finds the gateways the account's server offers, translates a legacy
/// address into a JID at a gateway (jabber:iq:gateway, or XEP-0106 escaping when a gateway does not offer it), logs in
/// to and out of the legacy network by directed presence, and tells the contacts reached through a gateway apart.
/// </summary>
/// <remarks>
/// <para>A gateway is known once <see cref="DiscoverAsync"/> or <see cref="GetGatewayAsync"/> found it (at most 256
/// are remembered, for the client's lifetime, across reconnections); <see cref="IsGatewayContact"/> and
/// <see cref="TryGetGateway"/> answer from that set without sending anything. Only domain JIDs (no localpart, no
/// resource) count as gateways: their legacy contacts are the JIDs at that domain.</para>
/// <para>Registering the legacy account with a gateway is in-band registration (XEP-0077) to the gateway's JID
/// (<see cref="RegisterAsync"/>), which also approves the gateway's subscription request that follows and subscribes to
/// it in turn (XEP-0100 §4.1.1). Thread-safe.</para>
/// </remarks>
public sealed partial class GatewaysExtension : XmppExtension
{
    /// <summary>At most this many gateways are remembered.</summary>
    public const int MaxKnownGateways = 256;

    /// <summary>At most this many items of the server's disco#items are asked whether they are gateways.</summary>
    public const int MaxDiscoveredItems = 100;

    private const int ConcurrentQueries = 8;

    private readonly object _gate = new();
    private readonly Dictionary<Jid, Gateway> _known = [];
    private DiscoExtension _disco = null!;
    private AvailabilityExtension _availability = null!;
    private RosterExtension _roster = null!;

    /// <summary>The gateways found so far by <see cref="DiscoverAsync"/> and <see cref="GetGatewayAsync"/>: a snapshot.</summary>
    public IReadOnlyList<Gateway> KnownGateways
    {
        get
        {
            lock (_gate)
            {
                return [.. _known.Values];
            }
        }
    }

    /// <summary>
    /// Finds the gateways of the account's server (XEP-0100 §5): asks the server's domain for its items (disco#items)
    /// and each item that is a domain for its identities (disco#info), and remembers those of category
    /// <c>gateway</c>. An item that does not answer, answers an error or is not a gateway is left out.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The gateways found, in the order the server listed them; at most <see cref="MaxDiscoveredItems"/>
    /// items are asked.</returns>
    /// <exception cref="XmppIqErrorException">The server refused the disco#items request.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer the disco#items request in time.</exception>
    /// <exception cref="XmppException">The server's answer carried no disco#items payload.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlyList<Gateway>> DiscoverAsync(CancellationToken cancellationToken = default)
    {
        var server = new Jid(null, (Client.BoundJid ?? Client.Options.Jid).Domain);
        var items = await _disco.GetItemsAsync(server, node: null, cancellationToken).ConfigureAwait(false);
        var candidates = items.Where(item => item.Node is null && IsDomain(item.Jid)).Select(item => item.Jid).Distinct().ToList();
        if (candidates.Count > MaxDiscoveredItems)
        {
            GatewayLog.TooManyItems(Context.Logger, server.ToString(), candidates.Count, MaxDiscoveredItems);
            candidates.RemoveRange(MaxDiscoveredItems, candidates.Count - MaxDiscoveredItems);
        }

        var found = new Gateway?[candidates.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, candidates.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentQueries, CancellationToken = cancellationToken },
            async (index, token) => found[index] = await TryDescribeAsync(candidates[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        Gateway[] gateways = [.. found.OfType<Gateway>()];
        GatewayLog.Discovered(Context.Logger, server.ToString(), items.Count, gateways.Length);
        foreach (var gateway in gateways)
        {
            Remember(gateway);
        }

        return gateways;
    }

    /// <summary>
    /// Asks one entity whether it is a gateway (disco#info) and remembers it when it is: for a gateway the server does
    /// not list, such as one on another server.
    /// </summary>
    /// <param name="jid">The entity, a domain such as <c>irc.example.org</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The gateway, or <see langword="null"/> when the entity has no identity of category <c>gateway</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="jid"/> is not a domain JID.</exception>
    /// <exception cref="XmppIqErrorException">The entity answered with an error (such as <c>service-unavailable</c>
    /// for a gateway that is not running).</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no disco#info payload.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<Gateway?> GetGatewayAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        RequireDomain(jid, nameof(jid));
        var info = await _disco.GetInfoAsync(jid, node: null, cancellationToken).ConfigureAwait(false);
        var gateway = Gateway.From(jid, info);
        if (gateway is not null)
        {
            Remember(gateway);
        }

        return gateway;
    }

    /// <summary>
    /// The known gateway that <paramref name="jid"/> belongs to: the gateway itself, or a legacy contact at its
    /// domain. Sends nothing.
    /// </summary>
    /// <param name="jid">A gateway or a contact, bare or full.</param>
    /// <param name="gateway">The gateway.</param>
    /// <returns><see langword="false"/> when <paramref name="jid"/>'s domain is not a known gateway.</returns>
    public bool TryGetGateway(Jid jid, [NotNullWhen(true)] out Gateway? gateway)
    {
        if (jid.IsEmpty)
        {
            gateway = null;
            return false;
        }

        lock (_gate)
        {
            return _known.TryGetValue(new Jid(null, jid.Domain), out gateway);
        }
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        _availability = context.Require<AvailabilityExtension>();
        _roster = context.Require<RosterExtension>();
        InitializeRegistration(context);
    }

    private async Task<Gateway?> TryDescribeAsync(Jid jid, CancellationToken cancellationToken)
    {
        try
        {
            var info = await _disco.GetInfoAsync(jid, node: null, cancellationToken).ConfigureAwait(false);
            return Gateway.From(jid, info);
        }
        catch (Exception error) when (error is XmppTimeoutException or (XmppException and not XmppConnectionLostException))
        {
            GatewayLog.ItemUnanswered(Context.Logger, jid.ToString(), error.Message);
            return null;
        }
    }

    private void Remember(Gateway gateway)
    {
        lock (_gate)
        {
            if (_known.Count >= MaxKnownGateways && !_known.ContainsKey(gateway.Jid))
            {
                GatewayLog.TooManyGateways(Context.Logger, MaxKnownGateways, gateway.Jid.ToString());
                return;
            }

            _known[gateway.Jid] = gateway;
        }
    }

    private static bool IsDomain(Jid jid) => !jid.IsEmpty && jid.Local is null && jid.IsBare;

    private static void RequireDomain(Jid jid, string name)
    {
        if (!IsDomain(jid))
        {
            throw new ArgumentException($"A gateway is a domain JID (such as irc.example.org), not '{jid}'.", name);
        }
    }
}
