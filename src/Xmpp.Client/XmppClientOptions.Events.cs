namespace Xmpp.Client;

public sealed partial record XmppClientOptions
{
    /// <summary>The largest <see cref="MaxConcurrentEventHandlers"/> accepted.</summary>
    internal const int MaxEventHandlersLimit = 10_000;

    /// <summary>
    /// How many application handlers may run at once. 1 (the default): events are raised one at a time in stream
    /// order, and the next waits for the handlers of the last — a handler that awaits something slow (an IQ request
    /// to a peer that never answers) delays every later event, though never the answers to
    /// <see cref="XmppClient.SendIqAsync(Stanzas.Iq, CancellationToken)"/>.
    /// </summary>
    /// <remarks>
    /// <para>Above 1, for handlers that do not depend on each other's order (a bot answering commands): each event's
    /// handlers still start in stream order, on the client's event task, but once they await, the next event is raised
    /// while they run on — up to this many at once; when that many run, raising waits for one to end. This applies to
    /// the stanza events (<see cref="XmppClient.MessageReceived"/>, <see cref="XmppClient.PresenceReceived"/>,
    /// <see cref="XmppClient.IqReceived"/>), to handlers registered with <see cref="XmppClient.RegisterIqHandler"/> and
    /// to the extensions' events (receipts, chat states, roster and block list changes, presence changes).</para>
    /// <para>What stays in stream order whatever this says: the extensions' own processing (the roster, the presence
    /// table, receipts), and <see cref="XmppClient.StateChanged"/> and <see cref="XmppClient.Reconnected"/>, which are
    /// always awaited before the next event is raised.</para>
    /// </remarks>
    public int MaxConcurrentEventHandlers { get; init; } = 1;

    /// <summary>
    /// How many bytes of received stanzas (counted as they came over the wire) may wait for the event handlers or be
    /// in their hands; once that many are held, reading from the server pauses (TCP pushes back) until handlers catch
    /// up. A stanza is taken while less than this is held, so at most this plus one stanza
    /// (<see cref="MaxStanzaBytes"/>) is held. Together with <see cref="MaxQueuedEvents"/> (a count), it keeps a slow
    /// handler and a flood of large stanzas from filling memory. 32 MiB by default; at least 64 KiB.
    /// </summary>
    public long MaxQueuedEventBytes { get; init; } = DefaultMaxQueuedEventBytes;

    /// <summary>The default of <see cref="MaxQueuedEventBytes"/>: 32 MiB.</summary>
    internal const long DefaultMaxQueuedEventBytes = 32L * 1024 * 1024;

    /// <summary>The smallest <see cref="MaxQueuedEventBytes"/> accepted: 64 KiB.</summary>
    internal const long MinQueuedEventBytes = 64 * 1024;
}
