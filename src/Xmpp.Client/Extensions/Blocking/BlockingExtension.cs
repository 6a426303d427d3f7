using Xmpp.Client.Extensions.Common;
using System.Collections.Immutable;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Blocking;

/// <summary>
/// The block list (XEP-0191): the server stops every stanza from a blocked JID and the account's stanzas to it.
/// <see cref="GetBlockedAsync"/> fetches the list, <see cref="BlockAsync"/>, <see cref="UnblockAsync"/> and
/// <see cref="UnblockAllAsync"/> change it, and <see cref="Blocked"/> is an in-memory view kept current from the
/// server's pushes, each announced by <see cref="BlockListChanged"/>. Reach it through <c>XmppClient.Blocking</c>.
/// </summary>
/// <remarks>
/// <para>A server without XEP-0191 answers each request with an error (<see cref="XmppIqErrorException"/>, usually
/// <c>service-unavailable</c> or <c>feature-not-implemented</c>); its disco#info lists <c>urn:xmpp:blocking</c> when it
/// has it.</para>
/// <para>The server pushes changes only to sessions that fetched the list: call <see cref="GetBlockedAsync"/> after
/// each <see cref="XmppClient.ConnectAsync"/>. Pushes are accepted only without 'from' or from the account's bare JID;
/// any other sender is ignored, logged and answered <c>service-unavailable</c>.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed class BlockingExtension : XmppExtension
{
    private readonly PushedState<ImmutableHashSet<Jid>> _state = new(ImmutableHashSet<Jid>.Empty);

    /// <summary>
    /// Raised for each push that changes <see cref="Blocked"/>, in stream order on the client's event task, after
    /// <see cref="Blocked"/> was updated. A handler that throws is logged and does not affect the client.
    /// <see cref="GetBlockedAsync"/> replaces the view without raising it.
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<BlockListChangedEventArgs, Task>? BlockListChanged;

    /// <summary>The blocked JIDs as last fetched and pushed: an immutable snapshot. Empty until the first
    /// <see cref="GetBlockedAsync"/>.</summary>
    public IReadOnlySet<Jid> Blocked => _state.Current;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(BlockingXml.Namespace);
        context.HandleIq(BlockingXml.BlockName, OnPushAsync, IqHandlerMode.Sequential);
        context.HandleIq(BlockingXml.UnblockName, OnPushAsync, IqHandlerMode.Sequential);
    }

    /// <summary>Fetches the block list and updates <see cref="Blocked"/>.</summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The blocked JIDs.</returns>
    /// <exception cref="XmppIqErrorException">The server refused the request (or does not support blocking).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlySet<Jid>> GetBlockedAsync(CancellationToken cancellationToken = default)
    {
        using var fetch = _state.BeginFetch();
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, BlockingXml.Payload("blocklist", [])), cancellationToken).ConfigureAwait(false);
        var jids = new List<Jid>();
        if (reply.GetPayload(BlockingXml.BlocklistName) is { } list)
        {
            foreach (var item in list.Elements(BlockingXml.BlocklistName.Namespace + "item"))
            {
                if (Jid.TryParse((string?)item.Attribute("jid"), out var jid))
                {
                    jids.Add(jid);
                }
                else
                {
                    BlockingLog.InvalidItem(Context.Logger, item.ToString());
                }
            }
        }

        return fetch.Complete(_ => [.. jids]);
    }

    /// <summary>
    /// Blocks JIDs: a bare JID blocks the account and all its resources, a full JID one resource, a domain the whole
    /// domain (XEP-0191 §3.3). <see cref="Blocked"/> changes when the server's push arrives.
    /// </summary>
    /// <param name="jids">One or more JIDs, for example <c>[contact]</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="ArgumentException"><paramref name="jids"/> is empty or holds an empty JID.</exception>
    /// <exception cref="XmppIqErrorException">The server refused (or does not support blocking).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task BlockAsync(IEnumerable<Jid> jids, CancellationToken cancellationToken = default) =>
        SendAsync("block", Require(jids), cancellationToken);

    /// <summary>Unblocks JIDs (XEP-0191 §3.4). <see cref="Blocked"/> changes when the server's push arrives.</summary>
    /// <param name="jids">One or more JIDs; to unblock every one, use <see cref="UnblockAllAsync"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="ArgumentException"><paramref name="jids"/> is empty (an empty unblock would clear the whole
    /// list) or holds an empty JID.</exception>
    /// <exception cref="XmppIqErrorException">The server refused (or does not support blocking).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task UnblockAsync(IEnumerable<Jid> jids, CancellationToken cancellationToken = default) =>
        SendAsync("unblock", Require(jids), cancellationToken);

    /// <summary>Empties the block list (XEP-0191 §3.5). <see cref="Blocked"/> changes when the server's push arrives.</summary>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="XmppIqErrorException">The server refused (or does not support blocking).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task UnblockAllAsync(CancellationToken cancellationToken = default) => SendAsync("unblock", [], cancellationToken);

    private async Task SendAsync(string name, IReadOnlyList<Jid> jids, CancellationToken cancellationToken) =>
        await Client.SendIqAsync(new Iq(IqType.Set, BlockingXml.Payload(name, jids)), cancellationToken).ConfigureAwait(false);

    private static Jid[] Require(IEnumerable<Jid> jids)
    {
        ArgumentNullException.ThrowIfNull(jids);
        var list = jids.ToArray();
        if (list.Length == 0 || list.Any(jid => jid.IsEmpty))
        {
            throw new ArgumentException("Give one or more non-empty JIDs.", nameof(jids));
        }

        return list;
    }

    /// <summary>Handles a block or unblock push (XEP-0191 §3.3–3.5) on the event task.</summary>
    private async Task<Iq> OnPushAsync(Iq iq, CancellationToken cancellationToken)
    {
        if (!Context.IsFromAccount(iq))
        {
            BlockingLog.SpoofedPush(Context.Logger, iq.From?.ToString() ?? string.Empty);
            return iq.CreateError(StanzaErrorCondition.ServiceUnavailable);
        }

        if (iq.Type != IqType.Set)
        {
            return iq.CreateError(StanzaErrorCondition.ServiceUnavailable);
        }

        var payload = iq.Payload!;
        var block = payload.Name == BlockingXml.BlockName;
        var jids = BlockingXml.ReadItems(payload);
        if (jids is null || (block && jids.Count == 0))
        {
            var reason = jids is null ? "an item without a valid JID" : "a block without items";
            BlockingLog.InvalidPush(Context.Logger, reason);
            return iq.CreateError(StanzaErrorCondition.BadRequest, $"The push has {reason}.");
        }

        Func<ImmutableHashSet<Jid>, ImmutableHashSet<Jid>> change =
            block ? set => set.Union(jids) : jids.Count == 0 ? set => set.Clear() : set => set.Except(jids);
        var (before, _) = _state.Apply(change);
        Jid[] blocked = block ? [.. jids.Where(jid => !before.Contains(jid)).Distinct()] : [];
        Jid[] unblocked = block ? [] : jids.Count == 0 ? [.. before] : [.. jids.Where(before.Contains).Distinct()];
        if (blocked.Length > 0 || unblocked.Length > 0)
        {
            var args = new BlockListChangedEventArgs(blocked, unblocked);
            await Context.RaiseAsync(BlockListChanged, args, nameof(BlockListChanged)).ConfigureAwait(false);
        }

        return iq.CreateResult();
    }
}
