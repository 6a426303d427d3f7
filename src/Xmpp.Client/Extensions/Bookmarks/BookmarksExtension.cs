using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Bookmarks;

/// <summary>
/// The account's bookmarked chat rooms: PEP native bookmarks (XEP-0402), or XEP-0048 bookmarks in private XML storage
/// (XEP-0049) on servers that do not keep the two in step. <see cref="GetAsync"/> reads them, <see cref="SetAsync"/>
/// adds or replaces one, <see cref="RemoveAsync"/> removes one, and <see cref="BookmarksChanged"/> reports the changes
/// the server pushes.
/// </summary>
/// <remarks>
/// <para><b>Which storage.</b> Once per session the extension asks the account's bare JID for its features
/// (<see cref="GetStorageAsync"/>). When they list <c>urn:xmpp:bookmarks:1#compat</c>, the server mirrors XEP-0048
/// bookmarks into the PEP node and back, so the node is the one truth for every client: bookmarks are read from and
/// written to <see cref="BookmarkStorage.Pep"/> only. Otherwise (or when that question fails) they are read from and
/// written to <see cref="BookmarkStorage.PrivateXml"/> only, which is what older clients use there (XEP-0402 §5.3).
/// The two are never merged: a client that wrote only the PEP node of a server without <c>#compat</c> is not seen.
/// An application that knows better fixes the storage with <see cref="BookmarksExtension(BookmarkStorage)"/>. (Servers
/// that announce only XEP-0411's <c>urn:xmpp:bookmarks-conversion:0</c>, such as ejabberd 23.01, mirror private storage
/// into the XEP-0048 PEP node <c>storage:bookmarks</c>, not into XEP-0402's: they get private storage.)</para>
/// <para><b>Writing.</b> In PEP, each bookmark is an item whose id is the room's JID, published with XEP-0402's
/// publish-options (persist_items, max_items=max, send_last_published_item=never, access_model=whitelist); a node
/// configured otherwise is reconfigured once and the item published again, and on a server that does not take those
/// options (it answers bad-request, not-acceptable, resource-constraint or feature-not-implemented) the node is
/// configured (or created configured) first and the item published without them. In private storage the whole list is read,
/// changed and written back (keeping what else it holds, such as URL bookmarks): a change another client makes in between
/// is lost, as XEP-0048 allows no better.</para>
/// <para><b>Pushes.</b> <c>urn:xmpp:bookmarks:1+notify</c> is announced, so the server notifies this client of PEP
/// bookmark changes (also its own); they are accepted only from the account's bare JID or without 'from'. In private
/// storage nothing is pushed, unless the server mirrors it.</para>
/// <para><b>Autojoin</b>: with <see cref="AutojoinRooms"/> the client joins the rooms bookmarked with autojoin after
/// each new session, and follows the pushes (joins a room newly marked, leaves one it joined so when its bookmark is
/// removed or unmarked); otherwise autojoin is only read and written.</para>
/// <para>Part of <see cref="XmppExtensionSet.Default"/> (it requires <see cref="PepExtension"/> and service discovery);
/// reach it with <c>client.Bookmarks</c>. It asks the server nothing until it is used (or <see cref="AutojoinRooms"/>
/// is on). Thread-safe; the extension's own writes are made one at a time.</para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so it holds nothing to release.")]
public sealed partial class BookmarksExtension : XmppExtension
{
    /// <summary>The PEP node, and namespace, of native bookmarks (XEP-0402).</summary>
    public const string Node = BookmarksXml.Node;

    /// <summary>The feature of an account whose server keeps XEP-0048 and XEP-0402 bookmarks in step (XEP-0402 §5.3).</summary>
    public const string CompatFeature = Node + "#compat";

    private readonly object _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private PepExtension _pep = null!;
    private DiscoExtension _disco = null!;
    private readonly BookmarkStorage? _forced;
    private Task<BookmarkStorage>? _storage;

    /// <summary>Creates the extension, choosing the storage by the account's features (see the remarks).</summary>
    public BookmarksExtension()
    {
    }

    /// <summary>
    /// Creates the extension with a fixed storage instead of the choice by <c>#compat</c>: for an application that knows
    /// its server, such as one whose clients all use XEP-0402 although the server does not mirror XEP-0048. Register it
    /// with <c>XmppExtensionSet.Default.Add(() =&gt; new BookmarksExtension(BookmarkStorage.Pep))</c>.
    /// </summary>
    /// <param name="storage">Where every session reads and writes the bookmarks.</param>
    public BookmarksExtension(BookmarkStorage storage)
    {
        if (storage is not (BookmarkStorage.Pep or BookmarkStorage.PrivateXml))
        {
            throw new ArgumentOutOfRangeException(nameof(storage), storage, "Pep or PrivateXml.");
        }

        _forced = storage;
    }

    /// <summary>
    /// Raised for each change of the PEP bookmarks the server pushes (from another client of the account, or this one),
    /// in stream order on the client's event task. A handler that throws is logged and does not affect the client;
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the handlers.
    /// </summary>
    public event Func<BookmarksChangedEventArgs, Task>? BookmarksChanged;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _disco = context.Require<DiscoExtension>();
        _pep = context.Require<PepExtension>();
        _pep.Subscribe(Node, OnNotificationAsync);
        context.OnNewSession(_ => Forget());
        InitializeAutojoin(context);
    }

    /// <summary>
    /// Where this session keeps the bookmarks: asks the account's bare JID for its features once per session (a failed
    /// question is not remembered, and counts as no <c>#compat</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the question goes on for the other callers).</param>
    /// <returns><see cref="BookmarkStorage.Pep"/> when the account lists <see cref="CompatFeature"/>, else
    /// <see cref="BookmarkStorage.PrivateXml"/>; the storage given to the constructor, if one was (then nothing is asked).</returns>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public Task<BookmarkStorage> GetStorageAsync(CancellationToken cancellationToken = default)
    {
        if (_forced is { } forced)
        {
            return Task.FromResult(forced);
        }

        Task<BookmarkStorage> asking;
        lock (_gate)
        {
            if (_storage is null || _storage.IsFaulted || _storage.IsCanceled)
            {
                _storage = ChooseStorageAsync();
            }

            asking = _storage;
        }

        return asking.WaitAsync(cancellationToken);
    }

    /// <summary>Reads the account's bookmarks from the storage of <see cref="GetStorageAsync"/>; unreadable ones are skipped and logged.</summary>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <returns>The bookmarks, in the server's order; empty when there are none yet.</returns>
    /// <exception cref="XmppIqErrorException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<IReadOnlyList<Bookmark>> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await GetStorageAsync(cancellationToken).ConfigureAwait(false) == BookmarkStorage.PrivateXml)
        {
            var storage = await GetPrivateAsync(cancellationToken).ConfigureAwait(false);
            return [.. storage.Elements(BookmarksXml.LegacyConference).Select(conference => Read(() => BookmarksXml.FromLegacyConference(conference))).OfType<Bookmark>()];
        }

        IReadOnlyList<PepItem> items;
        try
        {
            items = await _pep.RetrieveAsync(null, Node, maxItems: null, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
            return []; // no node yet: nothing was bookmarked
        }

        return [.. items.Select(item => Read(() => BookmarksXml.FromItem(item.Id, item.Payload))).OfType<Bookmark>()];
    }

    /// <summary>Adds a bookmark, or replaces the one for the same room.</summary>
    /// <param name="bookmark">The bookmark.</param>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <exception cref="ArgumentException">The room is not a bare JID.</exception>
    /// <exception cref="XmppIqErrorException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task SetAsync(Bookmark bookmark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        CheckRoom(bookmark.Room, nameof(bookmark));
        await WriteAsync(
            storage =>
            {
                RemoveLegacy(storage, bookmark.Room);
                storage.Add(BookmarksXml.ToLegacyConference(bookmark));
                return true;
            },
            PublishAsync,
            cancellationToken).ConfigureAwait(false);

        async Task PublishAsync()
        {
            var item = BookmarksXml.ToConference(bookmark);
            var id = bookmark.Room.ToString();
            try
            {
                await _pep.PublishAsync(Node, item, id, PublishOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (PepPublishOptionsException)
            {
                await _pep.ConfigureNodeAsync(Node, PublishOptions(), cancellationToken).ConfigureAwait(false);
                BookmarksLog.NodeReconfigured(Context.Logger);
                await _pep.PublishAsync(Node, item, id, PublishOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (XmppIqErrorException error) when (RefusesOptions(error.Error))
            {
                // Publish-options the server does not know (ejabberd 23.01 takes only access_model and persist_items):
                // configure the node first, so that the item is never published under another access model.
                BookmarksLog.OptionsRefused(Context.Logger, error.Error.ToString());
                await ConfigureOrCreateNodeAsync(cancellationToken).ConfigureAwait(false);
                await _pep.PublishAsync(Node, item, id, publishOptions: null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Removes the bookmark of a room; removing one that does not exist is not an error.</summary>
    /// <param name="room">The room's bare JID.</param>
    /// <param name="cancellationToken">Stops waiting for the answers.</param>
    /// <exception cref="ArgumentException">The room is not a bare JID.</exception>
    /// <exception cref="XmppIqErrorException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task RemoveAsync(Jid room, CancellationToken cancellationToken = default)
    {
        CheckRoom(room, nameof(room));
        await WriteAsync(storage => RemoveLegacy(storage, room), RetractAsync, cancellationToken).ConfigureAwait(false);

        async Task RetractAsync()
        {
            try
            {
                await _pep.RetractAsync(Node, room.ToString(), notify: true, cancellationToken).ConfigureAwait(false);
            }
            catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
            {
                // No such bookmark (or no node at all): nothing to remove.
            }
        }
    }

    /// <summary>Whether a publish error says the server does not take the publish-options (rather than refusing the publish).</summary>
    private static bool RefusesOptions(StanzaError error) => error.Condition is StanzaErrorCondition.BadRequest
        or StanzaErrorCondition.NotAcceptable or StanzaErrorCondition.ResourceConstraint or StanzaErrorCondition.FeatureNotImplemented;

    /// <summary>Gives the bookmarks node XEP-0402's configuration: reconfigures it, or creates it configured when there is none.</summary>
    private async Task ConfigureOrCreateNodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _pep.ConfigureNodeAsync(Node, PublishOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition == StanzaErrorCondition.ItemNotFound)
        {
            var configuration = new DataForm(DataFormType.Submit, PepExtension.NodeConfigFormType);
            foreach (var field in PublishOptions().Fields.Where(field => field.Var != DataForm.FormTypeVar))
            {
                configuration.SetValues(field.Var!, field.Values);
            }

            await _pep.CreateNodeAsync(Node, configuration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>XEP-0402 §3's publish-options for the bookmarks node.</summary>
    private static DataForm PublishOptions() => new DataForm(DataFormType.Submit, PepExtension.PublishOptionsFormType)
        .SetBoolean("pubsub#persist_items", true)
        .SetValue("pubsub#max_items", "max")
        .SetValue("pubsub#send_last_published_item", "never")
        .SetValue("pubsub#access_model", "whitelist");

    private static void CheckRoom(Jid room, string parameter)
    {
        if (room.IsEmpty || !room.IsBare)
        {
            throw new ArgumentException("A bookmark's room is the room's bare JID, such as coven@chat.shakespeare.lit.", parameter);
        }
    }

    private static bool RemoveLegacy(XElement storage, Jid room)
    {
        var matches = storage.Elements(BookmarksXml.LegacyConference)
            .Where(conference => Jid.TryParse((string?)conference.Attribute("jid"), out var jid) && jid == room)
            .ToList();
        matches.ForEach(conference => conference.Remove());
        return matches.Count > 0;
    }

    /// <summary>One write at a time: in private storage read, change (<paramref name="change"/> says whether it did) and write back; in PEP <paramref name="pep"/>.</summary>
    private async Task WriteAsync(Func<XElement, bool> change, Func<Task> pep, CancellationToken cancellationToken)
    {
        var storageKind = await GetStorageAsync(cancellationToken).ConfigureAwait(false);
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (storageKind == BookmarkStorage.Pep)
            {
                await pep().ConfigureAwait(false);
                return;
            }

            var storage = await GetPrivateAsync(cancellationToken).ConfigureAwait(false);
            if (change(storage))
            {
                var set = new Iq(IqType.Set, new XElement(BookmarksXml.PrivateQuery, storage));
                await Client.SendIqAsync(set, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The XEP-0048 storage element kept in private XML storage (an empty one when there is none).</summary>
    private async Task<XElement> GetPrivateAsync(CancellationToken cancellationToken)
    {
        var get = new Iq(IqType.Get, new XElement(BookmarksXml.PrivateQuery, new XElement(BookmarksXml.Storage)));
        var reply = await Client.SendIqAsync(get, cancellationToken).ConfigureAwait(false);
        return reply.GetPayload(BookmarksXml.PrivateQuery)?.Element(BookmarksXml.Storage) ?? new XElement(BookmarksXml.Storage);
    }

    private async Task<BookmarkStorage> ChooseStorageAsync()
    {
        var account = (Client.BoundJid ?? Client.Options.Jid).Bare;
        bool compat;
        try
        {
            compat = (await _disco.GetInfoAsync(account, node: null, CancellationToken.None).ConfigureAwait(false)).HasFeature(CompatFeature);
        }
        catch (XmppIqErrorException error)
        {
            BookmarksLog.DiscoFailed(Context.Logger, account.ToString(), error);
            compat = false;
        }

        var storage = compat ? BookmarkStorage.Pep : BookmarkStorage.PrivateXml;
        BookmarksLog.StorageChosen(Context.Logger, account.ToString(), storage, compat);
        return storage;
    }

    private void Forget()
    {
        lock (_gate)
        {
            _storage = null;
        }
    }

    private Bookmark? Read(Func<Bookmark> read)
    {
        try
        {
            return read();
        }
        catch (FormatException error)
        {
            BookmarksLog.UnreadableBookmark(Context.Logger, error.Message);
            return null;
        }
    }

    /// <summary>A push of the bookmarks node: the account's own only.</summary>
    private async Task OnNotificationAsync(PepNotificationEventArgs notification)
    {
        if (notification.Publisher != (Client.BoundJid ?? Client.Options.Jid).Bare)
        {
            BookmarksLog.ForeignNotification(Context.Logger, notification.Publisher.ToString());
            return;
        }

        Bookmark[] set = [.. notification.Published.Select(item => Read(() => BookmarksXml.FromItem(item.Id, item.Payload))).OfType<Bookmark>()];
        var removed = new List<Jid>();
        foreach (var id in notification.Retracted)
        {
            if (Jid.TryParse(id, out var room) && room.IsBare)
            {
                removed.Add(room);
            }
        }

        if (set.Length > 0 || removed.Count > 0)
        {
            await Context.RaiseAsync(BookmarksChanged, new BookmarksChangedEventArgs(set, removed), nameof(BookmarksChanged)).ConfigureAwait(false);
            FollowAutojoin(set, removed);
        }
    }
}
