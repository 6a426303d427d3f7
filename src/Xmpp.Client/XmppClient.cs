using Xmpp.Client.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Internal;
using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Telemetry;

namespace Xmpp.Client;

/// <summary>
/// An XMPP client: connects to the account's server (DNS SRV, TLS, SASL, resource binding), raises events for what
/// arrives, and sends stanzas and awaitable IQ requests. Thread-safe: every member may be called from any thread.
/// </summary>
/// <example>
/// <code>
/// await using var client = new XmppClient(new XmppClientOptions { Jid = Jid.Parse("bot@example.com"), Password = "secret" });
/// client.MessageReceived += async message =&gt;
/// {
///     if (message.Body is { } body &amp;&amp; message.Type == MessageType.Chat) await client.SendAsync(message.CreateReply(body));
/// };
/// await client.ConnectAsync();
/// await client.SendAsync(new Presence());
/// </code>
/// </example>
public sealed partial class XmppClient : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly ITransportConnector _connector;
    private readonly TimeProvider _time;
    private readonly ClientMetrics _metrics;

    /// <summary>The client's clock (a fake one in tests).</summary>
    internal TimeProvider Time => _time;
    private readonly object _gate = new();
    private readonly EventQueue _events;
    private readonly CancellationTokenSource _disposing = new();
    private XmppSession? _session;
    private XmppClientState _state;
    private bool _disposed;

    /// <summary>Creates a client. Does no I/O: call <see cref="ConnectAsync"/> to connect.</summary>
    /// <param name="options">The account and connection settings.</param>
    /// <param name="loggerFactory">Where logs go; overrides <see cref="XmppClientOptions.LoggerFactory"/>.</param>
    /// <exception cref="ArgumentException">A setting is out of range or inconsistent with another; <see cref="ArgumentException.ParamName"/>
    /// names it and the message says what is allowed.</exception>
    public XmppClient(XmppClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, loggerFactory, connector: null)
    {
    }

    /// <summary>Creates a client with test seams: how it connects, and the clock of its reconnection backoff.</summary>
    internal XmppClient(XmppClientOptions options, ILoggerFactory? loggerFactory, ITransportConnector? connector, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidator.Validate(options);
        Options = options;
        var factory = loggerFactory ?? options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger("Xmpp.Client");
        _connector = connector ?? FactoryConnector.Create(options, factory);
        _time = time ?? TimeProvider.System;
        _events = new EventQueue(options.MaxQueuedEvents, options.MaxQueuedEventBytes, options.MaxConcurrentEventHandlers, _logger, _time);
        _iqSlots = new SemaphoreSlim(options.MaxPendingIqs, options.MaxPendingIqs);
        _outbound = new OutboundQueue(options.MaxUnacknowledgedStanzas);
        _metrics = new ClientMetrics(options.MeterFactory, () => _outbound.Count);
        RegisterBuiltInHandlers();
        CreateExtensions(factory);
    }

    /// <summary>The options the client was created with.</summary>
    public XmppClientOptions Options { get; }

    /// <summary>What the client refused to process from the server or other senders, counted over all sessions.</summary>
    public XmppDiagnostics Diagnostics { get; } = new();

    /// <summary>Where the client is in its lifecycle.</summary>
    public XmppClientState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The full JID the server bound for this session; <see langword="null"/> when not connected.</summary>
    public Jid? BoundJid => _session?.BoundJid;

    /// <summary>Completes when the event task has ended (after <see cref="DisposeAsync"/>), for tests.</summary>
    internal Task EventTask => _events.Completion;

    /// <summary>How many bytes of received stanzas wait for the event handlers or are in their hands (for tests).</summary>
    internal long QueuedEventBytes => _events.QueuedBytes;

    /// <summary>What the current session negotiated (features, mechanism, encryption), for tests.</summary>
    internal NegotiatedSession? Negotiated => _session?.Negotiated;

    /// <summary>
    /// Raised when <see cref="State"/> changes, in order with the stanza events, on the client's event task (never on
    /// the network read loop). Like every event of the client, a handler is a <see cref="Func{T, TResult}"/> returning
    /// a <see cref="Task"/>, and the next event waits for that task: an <c>async</c> lambda is awaited, not fire and
    /// forget. A handler that throws (before or after an <c>await</c>) is logged and never affects the client or the
    /// process; the other handlers still run.
    /// </summary>
    public event Func<XmppClientStateChangedEventArgs, Task>? StateChanged;

    private void SetState(XmppClientState state, Exception? error = null, IReadOnlyList<Stanzas.Stanza>? undelivered = null)
    {
        XmppClientState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state)
            {
                return;
            }

            _state = state;
        }

        RaiseStateChanged(new XmppClientStateChangedEventArgs(previous, state, error, false, undelivered));
    }

    private void RaiseStateChanged(XmppClientStateChangedEventArgs args)
    {
        if (args.PreviousState == XmppClientState.Connected)
        {
            _metrics.SessionEnded();
        }

        if (args.PreviousState == XmppClientState.Connected && _extensions.SessionEnded.Count > 0)
        {
            var ended = new XmppSessionEndedEventArgs(args.Error, args.State == XmppClientState.Reconnecting);
            _events.Post("session ended", () => _extensions.RunSessionEndedAsync(ended));
        }

        _events.Post(nameof(StateChanged), () => EventInvoker.InvokeAsync(StateChanged, args, _logger, nameof(StateChanged)));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>A callback that does its work the first time it is called, and nothing after.</summary>
    private static Func<ValueTask> Once(Func<ValueTask> work)
    {
        var done = 0;
        return () => Interlocked.Exchange(ref done, 1) == 0 ? work() : ValueTask.CompletedTask;
    }
}
