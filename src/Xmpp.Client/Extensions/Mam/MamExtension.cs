using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Xml.Linq;
using Xmpp.Client.Extensions.Mam.Rsm;
using Xmpp.Client.Extensions.StanzaIds;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Mam;

/// <summary>
/// Message archives (XEP-0313, <c>urn:xmpp:mam:2</c>, paged with XEP-0059): reads the account's archive or a chat
/// room's (<see cref="QueryAsync"/>, <see cref="GetLastAsync"/>, <see cref="QueryPageAsync"/>), gets and sets the
/// archiving preferences, and catches up after a reconnection (<see cref="CatchUpAsync"/>,
/// <see cref="CatchUpAfterReconnection"/>). Reach it with <c>client.GetExtension&lt;MamExtension&gt;()</c>.
/// </summary>
/// <remarks>
/// <para>Each page is asked with a fresh random <c>queryid</c>. A <c>&lt;result/&gt;</c> message is handled here and never
/// reaches <see cref="XmppClient.MessageReceived"/>; it is dropped (and logged) unless it answers a page request of
/// ours and comes from the archive asked: for the account's, no 'from' or the account's bare JID; for a room's, the
/// room's bare JID.</para>
/// <para>Results arrive as messages, through the client's event task: reading an archive from inside an event handler
/// while <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> is 1 would wait for itself, so it throws
/// <see cref="InvalidOperationException"/> there.</para>
/// <para>Memory is bounded by the page size: a page holds at most the messages asked for, the enumerations keep one
/// page, and the ids kept for deduplication are at most <see cref="MaxRememberedIds"/>.</para>
/// <para>Thread-safe: every member may be called from any thread, queries may run side by side.</para>
/// </remarks>
public sealed partial class MamExtension : XmppExtension
{
    /// <summary>How many archive ids the extension remembers to tell recovered messages from live ones.</summary>
    public const int MaxRememberedIds = 10_000;

    private readonly ConcurrentDictionary<string, PageCollector> _pending = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity, StringComparer.Ordinal);
    private StanzaIdsExtension? _stanzaIds;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        _stanzaIds = context.Require<StanzaIdsExtension>();
        context.OnMessage(OnResultAsync, MamXml.ResultName);
        context.OnMessage(OnLiveMessageAsync, StanzaIdElements.StanzaIdName);
        context.OnSessionStarted(OnSessionStartedAsync);
    }

    /// <summary>
    /// Reads an archive as one sequence, asking page after page as it is consumed: oldest first, or newest first with
    /// <see cref="MamQuery.Backward"/>. It ends when the server says the query is complete, a page comes back empty, or
    /// <see cref="MamQuery.MaxResults"/> messages were read.
    /// </summary>
    /// <param name="query">What to read; <see langword="null"/> for the whole account archive.</param>
    /// <param name="cancellationToken">Stops the enumeration (also given by <c>WithCancellation</c>).</param>
    /// <returns>The messages, each with its archive id and timestamp.</returns>
    /// <exception cref="XmppIqErrorException">The archive refused the query (no MAM, an unknown id: <c>item-not-found</c>).</exception>
    /// <exception cref="XmppTimeoutException">The archive did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected, or this runs inside an event handler that the results would wait for.</exception>
    public async IAsyncEnumerable<ArchivedMessage> QueryAsync(MamQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new MamQuery();
        query.Validate();
        var remaining = query.MaxResults ?? int.MaxValue;
        string? cursor = null;
        while (remaining > 0)
        {
            var page = await QueryPageAsync(query, cursor, Math.Min(query.PageSize, remaining), cancellationToken).ConfigureAwait(false);
            var messages = page.Messages;
            for (var i = 0; i < messages.Count && remaining > 0; i++, remaining--)
            {
                yield return messages[query.Backward ? messages.Count - 1 - i : i];
            }

            var next = query.Backward ? page.First : page.Last;
            if (page.Complete || messages.Count == 0 || next is null)
            {
                yield break;
            }

            cursor = next;
        }
    }

    /// <summary>
    /// The last <paramref name="count"/> messages of the query (the newest ones), in chronological order: asks
    /// backwards from the end (<c>&lt;before/&gt;</c>) and puts the pages back in order.
    /// </summary>
    /// <param name="count">How many (at most); the list is shorter when the archive holds fewer.</param>
    /// <param name="query">The archive and filters; its direction and <see cref="MamQuery.MaxResults"/> are replaced.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The messages, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="XmppIqErrorException">The archive refused the query.</exception>
    /// <exception cref="XmppTimeoutException">The archive did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected, or this runs inside an event handler.</exception>
    public async Task<IReadOnlyList<ArchivedMessage>> GetLastAsync(int count, MamQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var backward = (query ?? new MamQuery()) with { Backward = true, MaxResults = count };
        var messages = new List<ArchivedMessage>(Math.Min(count, 1024));
        await foreach (var message in QueryAsync(backward, cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        messages.Reverse();
        return messages;
    }

    /// <summary>
    /// Reads one page: the first page of <paramref name="query"/> (the last one with <see cref="MamQuery.Backward"/>),
    /// or the one after (before) the archive id <paramref name="cursor"/>.
    /// </summary>
    /// <param name="query">What to read.</param>
    /// <param name="cursor">The <see cref="MamPage.Last"/> (backward: <see cref="MamPage.First"/>) of the previous page, or <see langword="null"/>.</param>
    /// <param name="max">How many messages to ask for; the server may return fewer.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The page, its messages oldest first.</returns>
    /// <exception cref="XmppIqErrorException">The archive refused the query.</exception>
    /// <exception cref="XmppTimeoutException">The archive did not answer in time.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected, or this runs inside an event handler.</exception>
    public async Task<MamPage> QueryPageAsync(MamQuery query, string? cursor, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        query.Validate();
        if (Context.InEventCallback && Client.Options.MaxConcurrentEventHandlers == 1)
        {
            throw new InvalidOperationException(
                "Archive results arrive through the event task, which this event handler holds: query the archive outside event handlers, or allow concurrent handlers (XmppClientOptions.MaxConcurrentEventHandlers).");
        }

        var archive = query.Archive ?? (Client.BoundJid ?? Client.Options.Jid).Bare;
        var queryId = NewQueryId();
        var collector = new PageCollector(archive, max);
        _pending[queryId] = collector;
        try
        {
            var request = new Iq(IqType.Set, MamXml.Query(queryId, query, max, cursor));
            if (query.Archive is { } room)
            {
                request.To = room;
            }

            var reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
            var fin = reply.GetPayload(MamXml.FinName);
            var (first, last, count) = ResultSet.Read(fin?.Element(ResultSet.SetName));
            var complete = (string?)fin?.Attribute("complete") is "true" or "1";
            await collector.UntilCollectedAsync(last).WaitAsync(Client.Options.IqTimeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
            return new MamPage(collector.Messages(), first, last, complete, count);
        }
        catch (TimeoutException error) when (error is not XmppTimeoutException)
        {
            throw new XmppTimeoutException($"The archive {archive} answered the query but its results did not all arrive in time.", error);
        }
        finally
        {
            _pending.TryRemove(queryId, out _);
        }
    }

    /// <summary>Gets the account's archiving preferences (XEP-0313 §6).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The preferences.</returns>
    /// <exception cref="XmppIqErrorException">The server refused (or keeps no preferences).</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    /// <exception cref="FormatException">The answer is not readable preferences.</exception>
    public async Task<MamPreferences> GetPreferencesAsync(CancellationToken cancellationToken = default)
    {
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, new XElement(MamXml.PrefsName)), cancellationToken).ConfigureAwait(false);
        return MamXml.ReadPrefs(reply.GetPayload(MamXml.PrefsName) ?? throw new FormatException("The answer holds no archive preferences."));
    }

    /// <summary>Sets the account's archiving preferences (XEP-0313 §6) and returns them as the server stored them.</summary>
    /// <param name="preferences">The preferences.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What the server now applies (it may, for example, drop JIDs it refuses); the ones sent when its answer is empty.</returns>
    /// <exception cref="XmppIqErrorException">The server refused.</exception>
    /// <exception cref="XmppTimeoutException">The server did not answer in time.</exception>
    public async Task<MamPreferences> SetPreferencesAsync(MamPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var reply = await Client.SendIqAsync(new Iq(IqType.Set, MamXml.Prefs(preferences)), cancellationToken).ConfigureAwait(false);
        return reply.GetPayload(MamXml.PrefsName) is { } prefs ? MamXml.ReadPrefs(prefs) : preferences;
    }

    private static string NewQueryId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>Routes a <c>&lt;result/&gt;</c> to the page that asked for it; drops forged and unknown ones. Always handled.</summary>
    private ValueTask<bool> OnResultAsync(Message message, CancellationToken cancellationToken)
    {
        var from = message.From;
        var fromText = from?.ToString() ?? string.Empty;
        var element = message.GetPayload(MamXml.ResultName)!;
        var queryId = (string?)element.Attribute("queryid") ?? string.Empty;
        if (!_pending.TryGetValue(queryId, out var collector))
        {
            MamLog.UnknownQuery(Context.Logger, fromText, queryId);
            return new(true);
        }

        var account = (Client.BoundJid ?? Client.Options.Jid).Bare;
        var fromArchive = collector.Archive == account ? Context.IsFromAccount(message) : from is { IsBare: true } sender && sender == collector.Archive;
        if (!fromArchive)
        {
            MamLog.ForgedResult(Context.Logger, queryId, fromText, collector.Archive.ToString());
            return new(true);
        }

        if (MamXml.ReadResult(element, out var problem) is not { } result)
        {
            MamLog.UnreadableResult(Context.Logger, fromText, problem!);
            return new(true);
        }

        if (!collector.Add(new ArchivedMessage(result.Id, result.Message, result.Stamp, collector.Archive)))
        {
            MamLog.TooManyResults(Context.Logger, queryId, collector.Max);
        }

        return new(true);
    }
}
