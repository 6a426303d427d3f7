using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Availability;

/// <summary>
/// Availability and presence subscriptions (RFC 6121 §3–4), reached through <see cref="XmppClient.Availability"/>: sends the account's
/// availability and subscription requests and answers, and tracks which contacts are available with which resources.
/// </summary>
/// <remarks>
/// <para>
/// Tracking: every available presence received is recorded per contact (bare JID) and resource, until an unavailable
/// presence or a presence error from that resource (an error from the bare JID removes all of the contact's resources).
/// The account's own resources are tracked like any contact's, under its own bare JID. The table is bounded (see
/// <see cref="XmppClientOptions.MaxTrackedResources"/> and <see cref="XmppClientOptions.MaxTrackedResourcesPerContact"/>;
/// status texts are kept up to 1,024 characters): a resource it stops tracking to make room is reported by
/// <see cref="ContactPresenceChanged"/> as no longer available. When the session ends the table is cleared, and so it
/// is when a reconnection could not resume the session (a new session starts, see <see cref="XmppClient.Reconnected"/>),
/// in both cases without <see cref="ContactPresenceChanged"/> events (watch <see cref="XmppClient.StateChanged"/>).
/// While the client is not connected the reading members report nobody available; after the next initial presence the
/// server sends the contacts' presence again. A resumed session keeps the table: the server delivers what changed in
/// the meantime.
/// </para>
/// <para>
/// The events are raised on the client's event task, in stream order, before <see cref="XmppClient.PresenceReceived"/>
/// (which is still raised for every presence); <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the
/// next event waits for the handlers. A handler that throws is logged and does not affect the session. The
/// reading members are thread-safe and return snapshots.
/// </para>
/// <para>
/// Servers deliver contacts' presence and subscription requests once the session has sent its initial presence
/// (<see cref="SendAvailableAsync"/>), and subscription answers (<see cref="SubscriptionApproved"/>,
/// <see cref="SubscriptionDenied"/>) only to sessions that have also requested the roster ("interested resources",
/// RFC 6121 §3.1.6; Prosody keeps to this strictly).
/// </para>
/// </remarks>
public sealed partial class AvailabilityExtension : XmppExtension
{
    private PresenceTable _table = null!;

    /// <summary>
    /// Raised when a resource of a contact (or of the account) becomes available, sends a new presence, or becomes
    /// unavailable (an unavailable presence or a presence error). Not raised for an unavailable presence from a resource
    /// that was not available.
    /// </summary>
    public event Func<ContactPresenceChangedEventArgs, Task>? ContactPresenceChanged;

    /// <summary>
    /// Raised when a contact asks to subscribe to the account's presence; answer with <see cref="ApproveAsync"/> or
    /// <see cref="DenyAsync"/> (now, from the handler, or later).
    /// </summary>
    public event Func<SubscriptionEventArgs, Task>? SubscriptionRequested;

    /// <summary>Raised when a contact approves the account's subscription request (<c>subscribed</c>).</summary>
    public event Func<SubscriptionEventArgs, Task>? SubscriptionApproved;

    /// <summary>
    /// Raised when a contact denies the account's subscription request or cancels an existing subscription
    /// (<c>unsubscribed</c>; RFC 6121 uses the same stanza for both).
    /// </summary>
    public event Func<SubscriptionEventArgs, Task>? SubscriptionDenied;

    /// <summary>Raised when a contact unsubscribes from the account's presence (<c>unsubscribe</c>).</summary>
    public event Func<SubscriptionEventArgs, Task>? ContactUnsubscribed;

    /// <summary>Whether any resource of <paramref name="contact"/> is available; <see langword="false"/> while the
    /// client is not connected.</summary>
    /// <param name="contact">The contact; a full JID is reduced to its bare JID.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    public bool IsAvailable(Jid contact)
    {
        var bare = RequireJid(contact).Bare;
        return Table?.IsAvailable(bare) ?? false;
    }

    /// <summary>
    /// The available resources of <paramref name="contact"/> with their last presence, best first (the order of
    /// <see cref="GetBestResource"/>); empty when the contact is unavailable or the client is not connected.
    /// </summary>
    /// <param name="contact">The contact; a full JID is reduced to its bare JID.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    public IReadOnlyList<ResourcePresence> GetResources(Jid contact)
    {
        var bare = RequireJid(contact).Bare;
        return Table?.GetResources(bare) ?? [];
    }

    /// <summary>
    /// The resource of <paramref name="contact"/> to talk to: the highest priority; among equal priorities the most
    /// available show (chat, then none, away, xa, dnd); among those the most recently received presence.
    /// <see langword="null"/> when the contact is unavailable or the client is not connected.
    /// </summary>
    /// <param name="contact">The contact; a full JID is reduced to its bare JID.</param>
    /// <exception cref="ArgumentException"><paramref name="contact"/> is empty.</exception>
    public ResourcePresence? GetBestResource(Jid contact)
    {
        var bare = RequireJid(contact).Bare;
        return Table?.GetBest(bare);
    }

    /// <summary>The bare JIDs of the contacts (and the account itself) with at least one available resource; empty
    /// while the client is not connected.</summary>
    public IReadOnlyList<Jid> GetAvailableContacts() => Table?.GetAvailableContacts() ?? [];

    /// <summary>
    /// The table, or <see langword="null"/> when the client is not connected: the table is cleared on the event task
    /// (in order with the stanzas), which may run a little after <see cref="XmppClient.DisconnectAsync"/> returns.
    /// </summary>
    private PresenceTable? Table => Client.State == XmppClientState.Connected ? _table : null;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        var options = context.Client.Options;
        _table = new PresenceTable(options.MaxTrackedResourcesPerContact, options.MaxTrackedResources,
            (long)options.MaxTrackedResources * PresenceTable.BytesPerResource);
        context.OnPresence(OnPresenceAsync);
        context.OnNewSession(_ => _table.Clear());
        context.OnSessionStarted(OnSessionStartedAsync);
        context.OnSessionEnded(OnSessionEndedAsync);
    }

    private async ValueTask<bool> OnPresenceAsync(Presence presence, CancellationToken cancellationToken)
    {
        if (presence.From is { } from)
        {
            await TrackAsync(presence, from).ConfigureAwait(false);
        }

        return false;
    }

    private Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        _preApproval = session.HasStreamFeature(PreApprovalFeature);
        return Task.CompletedTask;
    }

    private async ValueTask TrackAsync(Presence presence, Jid from)
    {
        switch (presence.Type)
        {
            case PresenceType.Available:
                await SetAsync(presence, from).ConfigureAwait(false);
                break;
            case PresenceType.Unavailable:
                await RemoveAsync(from).ConfigureAwait(false);
                break;
            case PresenceType.Error when from.IsBare:
                foreach (var gone in _table.RemoveContact(from))
                {
                    await RaiseChangedAsync(gone.Jid, null).ConfigureAwait(false);
                }

                break;
            case PresenceType.Error:
                await RemoveAsync(from).ConfigureAwait(false);
                break;
            case PresenceType.Subscribe:
                await RaiseAsync(SubscriptionRequested, nameof(SubscriptionRequested), from, presence).ConfigureAwait(false);
                break;
            case PresenceType.Subscribed:
                await RaiseAsync(SubscriptionApproved, nameof(SubscriptionApproved), from, presence).ConfigureAwait(false);
                break;
            case PresenceType.Unsubscribed:
                await RaiseAsync(SubscriptionDenied, nameof(SubscriptionDenied), from, presence).ConfigureAwait(false);
                break;
            case PresenceType.Unsubscribe:
                await RaiseAsync(ContactUnsubscribed, nameof(ContactUnsubscribed), from, presence).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask SetAsync(Presence presence, Jid from)
    {
        var update = _table.Set(from, presence.Show, presence.Status, presence.Priority, DateTimeOffset.UtcNow);
        foreach (var evicted in update.Evicted)
        {
            PresenceLog.Evicted(Context.Logger, evicted.Jid, from);
            await RaiseChangedAsync(evicted.Jid, null).ConfigureAwait(false);
        }

        if (update.Entry is { } entry)
        {
            await RaiseChangedAsync(from, entry).ConfigureAwait(false);
        }
        else if (update.FirstRefusal)
        {
            PresenceLog.TableFull(Context.Logger, _table.Count, _table.Bytes, from);
        }
        else
        {
            PresenceLog.NotTracked(Context.Logger, from);
        }
    }

    private async ValueTask RemoveAsync(Jid from)
    {
        if (_table.Remove(from))
        {
            await RaiseChangedAsync(from, null).ConfigureAwait(false);
        }
    }

    private ValueTask RaiseChangedAsync(Jid resource, ResourcePresence? presence) =>
        Context.RaiseAsync(ContactPresenceChanged, new ContactPresenceChangedEventArgs(resource, presence), nameof(ContactPresenceChanged));

    private ValueTask RaiseAsync(Func<SubscriptionEventArgs, Task>? handlers, string name, Jid from, Presence presence) =>
        Context.RaiseAsync(handlers, new SubscriptionEventArgs(from, presence), name);

    /// <summary>
    /// Clears the table when the client stops (in order with the stanzas, so nothing of a next session is lost). A new
    /// session that is not a resumption clears it too (<see cref="XmppExtensionContext.OnNewSession"/>): the server sends
    /// every contact's presence again after the initial presence, and whoever went offline meanwhile would stay available.
    /// </summary>
    private Task OnSessionEndedAsync(XmppSessionEndedEventArgs ended)
    {
        if (!ended.IsReconnecting)
        {
            _table.Clear();
        }

        return Task.CompletedTask;
    }
}
