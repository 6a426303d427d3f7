using Xmpp.Client.Extensions.Common;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Roster;

/// <summary>
/// The roster (RFC 6121 §2): the user's contact list, kept by the server. <see cref="GetAsync"/> fetches it (with
/// roster versioning, XEP-0237, when the server offers it), <see cref="AddOrUpdateAsync"/> and
/// <see cref="RemoveAsync"/> change it, and <see cref="Items"/> is an in-memory view kept current from the server's
/// roster pushes, each announced by <see cref="RosterChanged"/>. Reach it through <c>XmppClient.Roster</c>.
/// </summary>
/// <remarks>
/// <para>The server pushes changes only to sessions that fetched the roster (RFC 6121 §2.1.6): call
/// <see cref="GetAsync"/> after each <see cref="XmppClient.ConnectAsync"/>. The view and its version survive a
/// reconnect, so the next fetch asks only for what changed.</para>
/// <para>Roster pushes are accepted only without 'from' or from the account's bare JID; any other sender (including
/// the account's other resources) is ignored, logged and answered <c>service-unavailable</c>.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed class RosterExtension : XmppExtension
{
    private readonly PushedState<RosterState> _state = new(RosterState.Empty);
    private volatile bool _versioning;

    /// <summary>
    /// Raised for each roster push that changes <see cref="Items"/> (a contact added, updated or removed), in stream
    /// order on the client's event task, after <see cref="Items"/> was updated. A handler that throws is logged and
    /// does not affect the client. <see cref="GetAsync"/> replaces the view without raising it.
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<RosterChangedEventArgs, Task>? RosterChanged;

    /// <summary>
    /// The roster as last fetched and pushed, by contact JID: an immutable snapshot, safe to enumerate while the
    /// roster changes. Empty until the first <see cref="GetAsync"/>.
    /// </summary>
    public IReadOnlyDictionary<Jid, RosterItem> Items => _state.Current.Items;

    /// <summary>The roster version (XEP-0237) <see cref="Items"/> corresponds to; <see langword="null"/> when none.</summary>
    internal string? Version => _state.Current.Version;

    /// <summary>
    /// Fetches the roster and updates <see cref="Items"/>. When the server offers roster versioning, the request
    /// carries the version of the items in memory; if the server answers that nothing changed, the items in memory
    /// are returned and the server sends what did change as roster pushes right after (<see cref="RosterChanged"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The roster's items.</returns>
    /// <exception cref="XmppIqErrorException">The server refused the request.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlyList<RosterItem>> GetAsync(CancellationToken cancellationToken = default)
    {
        using var fetch = _state.BeginFetch();
        var request = new Iq(IqType.Get, RosterXml.Get(_versioning ? _state.Current.Version ?? string.Empty : null));
        var reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        var payload = reply.Payload;
        var state = fetch.Complete(current => Load(current, payload));
        return [.. state.Items.Values];
    }

    /// <summary>
    /// Adds a contact to the roster, or updates its name and groups (RFC 6121 §2.3–2.4). The subscription is not
    /// changed: use presence subscriptions for that. <see cref="Items"/> changes when the server's push arrives.
    /// </summary>
    /// <param name="item">The contact's JID, name and groups.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused the change (for example <c>not-acceptable</c> for a
    /// name or group that is too long).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task AddOrUpdateAsync(RosterItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await Client.SendIqAsync(new Iq(IqType.Set, RosterXml.Set(item)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes a contact from the roster (RFC 6121 §2.5); the server also cancels the presence subscriptions both ways.
    /// <see cref="Items"/> changes when the server's push arrives.
    /// </summary>
    /// <param name="jid">The contact's JID.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused (<c>item-not-found</c> when the contact is not in the roster).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RemoveAsync(Jid jid, CancellationToken cancellationToken = default)
    {
        if (jid.IsEmpty)
        {
            throw new ArgumentException("The JID to remove must not be empty.", nameof(jid));
        }

        await Client.SendIqAsync(new Iq(IqType.Set, RosterXml.Remove(jid)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.HandleIq(RosterXml.QueryName, OnRosterIqAsync, IqHandlerMode.Sequential);
        context.OnSessionStarted(OnSessionStartedAsync);
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        _versioning = session.HasStreamFeature(RosterXml.VersioningFeatureName);
        return Task.CompletedTask;
    }

    private RosterState Load(RosterState current, System.Xml.Linq.XElement? payload)
    {
        if (!RosterXml.IsQuery(payload))
        {
            // An empty result: the version sent is current (RFC 6121 §2.6.3); changes follow as pushes.
            RosterLog.Unchanged(Context.Logger, current.Version ?? string.Empty);
            return current;
        }

        var items = new List<RosterItem>();
        foreach (var element in RosterXml.Items(payload))
        {
            if (RosterXml.ParseItem(element) is { } item)
            {
                items.Add(item);
            }
            else
            {
                RosterLog.InvalidItem(Context.Logger, element.ToString());
            }
        }

        var loaded = RosterState.FromItems(items, (string?)payload.Attribute("ver"));
        RosterLog.Loaded(Context.Logger, loaded.Items.Count, loaded.Version);
        return loaded;
    }

    /// <summary>Handles a roster push (RFC 6121 §2.1.6) on the event task.</summary>
    private async Task<Iq> OnRosterIqAsync(Iq iq, CancellationToken cancellationToken)
    {
        if (!Context.IsFromAccount(iq))
        {
            RosterLog.SpoofedPush(Context.Logger, iq.From?.ToString() ?? string.Empty);
            return iq.CreateError(StanzaErrorCondition.ServiceUnavailable);
        }

        if (iq.Type != IqType.Set)
        {
            return iq.CreateError(StanzaErrorCondition.ServiceUnavailable);
        }

        var query = iq.Payload!;
        var elements = RosterXml.Items(query).ToList();
        var items = elements.Select(RosterXml.ParseItem).OfType<RosterItem>().ToList();
        if (elements.Count != 1 || items.Count != 1)
        {
            RosterLog.InvalidPush(Context.Logger, items.Count);
            return iq.CreateError(StanzaErrorCondition.BadRequest, "A roster push carries exactly one valid item.");
        }

        var pushed = items[0];
        var version = (string?)query.Attribute("ver");
        var (before, _) = _state.Apply(state => state.With(pushed, version));
        if (Describe(before.Items.GetValueOrDefault(pushed.Jid), pushed) is { } change)
        {
            await Context.RaiseAsync(RosterChanged, change, nameof(RosterChanged)).ConfigureAwait(false);
        }

        return iq.CreateResult();
    }

    private static RosterChangedEventArgs? Describe(RosterItem? previous, RosterItem pushed) => (previous, pushed.Subscription) switch
    {
        (null, RosterSubscription.Remove) => null,
        (not null, RosterSubscription.Remove) => new RosterChangedEventArgs(RosterChangeKind.Removed, previous, previous),
        (null, _) => new RosterChangedEventArgs(RosterChangeKind.Added, pushed, null),
        _ when previous == pushed => null,
        _ => new RosterChangedEventArgs(RosterChangeKind.Updated, pushed, previous),
    };
}
