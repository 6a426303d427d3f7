using Xmpp.Client.Internal;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>
    /// Raised for each message received, in the order they arrive, on the client's event task (never on the network
    /// read loop, so a slow handler never delays IQ answers). By default one event at a time: the next waits for the
    /// handlers' tasks, so a slow handler delays later events; <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/>
    /// lets handlers run side by side once they await. A handler that throws is logged and never affects the session
    /// or the process.
    /// </summary>
    public event Func<Message, Task>? MessageReceived;

    /// <summary>
    /// Raised for each presence received (availability, subscription requests and answers), in stream order, on the
    /// client's event task; <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the next event waits for the
    /// handlers. A handler that throws is logged and never affects the session or the process.
    /// </summary>
    public event Func<Presence, Task>? PresenceReceived;

    /// <summary>
    /// Raised, in stream order on the client's event task, for each IQ request (get or set) that no handler registered
    /// with <see cref="RegisterIqHandler"/> claimed. Unless a handler sets <see cref="IqReceivedEventArgs.Handled"/>,
    /// the client then answers <c>service-unavailable</c>. IQ results and errors never raise this event: they complete
    /// <see cref="SendIqAsync(Iq, CancellationToken)"/>. <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> says whether the
    /// next event waits for the handlers (the answer is sent when they are done). A handler that throws is logged.
    /// </summary>
    public event Func<IqReceivedEventArgs, Task>? IqReceived;

    private async ValueTask DispatchAsync(Stanza stanza, CancellationToken sessionOver)
    {
        if (await _extensions.Router.RouteAsync(stanza, sessionOver).ConfigureAwait(false))
        {
            return;
        }

        switch (stanza)
        {
            case Message message:
                await RaiseAsync(MessageReceived, message, nameof(MessageReceived)).ConfigureAwait(false);
                break;
            case Presence presence:
                await RaiseAsync(PresenceReceived, presence, nameof(PresenceReceived)).ConfigureAwait(false);
                break;
            case Iq request:
                await AnswerRequestAsync(request, sessionOver).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Raises an event for the application (the client's own or an extension's): awaited in place, or left running by
    /// itself once it awaits when <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> allows more than one.
    /// </summary>
    internal ValueTask RaiseAsync<TArgs>(Func<TArgs, Task>? handlers, TArgs args, string name) =>
        handlers is null ? default : _events.RunHandlersAsync(name, () => EventInvoker.InvokeAsync(handlers, args, _logger, name));

    /// <summary>
    /// Receives from the session's read loop and queues for the event task. Nothing is dispatched until the extensions
    /// have started the session (<see cref="Ready"/>), so every extension sees a session's first stanza after its own
    /// start; IQ replies need no dispatch, so an extension may await requests while starting.
    /// </summary>
    private sealed class SessionEvents : ISessionHandler
    {
        private readonly XmppClient _client;
        private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SessionEvents(XmppClient client)
        {
            _client = client;
        }

        private Func<ValueTask>? _beforeFirst;

        /// <summary>
        /// Lets dispatch begin (<see langword="true"/>) or drops what this session received (<see langword="false"/>);
        /// <paramref name="beforeFirst"/> runs on the event task before the first stanza dispatched.
        /// </summary>
        public void Ready(bool started, Func<ValueTask>? beforeFirst = null)
        {
            Volatile.Write(ref _beforeFirst, beforeFirst);
            _ready.TrySetResult(started);
        }

        public ValueTask OnStanzaAsync(Stanza stanza, long bytes, CancellationToken cancellationToken)
        {
            // Taken on arrival: a request belongs to the session (resumptions included) it came on.
            var sessionOver = _client.RequestLifetime;
            return _client._events.EnqueueAsync(stanza.Element.Name, bytes, async () =>
            {
                if (await _ready.Task.ConfigureAwait(false))
                {
                    if (Volatile.Read(ref _beforeFirst) is not null && Interlocked.Exchange(ref _beforeFirst, null) is { } first)
                    {
                        await first().ConfigureAwait(false);
                    }

                    await _client.DispatchAsync(stanza, sessionOver).ConfigureAwait(false);
                }
            }, cancellationToken);
        }

        public ValueTask OnNonStanzaAsync(XmppElement element, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void OnSkipped(SkippedElement skipped)
        {
            _client.Diagnostics.CountSkipped();
            _client._metrics.Dropped("over_limit");
        }

        public void OnEnded(XmppSession session, Exception? error)
        {
            // What a stream-management session read is counted as handled: never dropped (see ConnectSessionAsync).
            Ready(session.Negotiated.StreamManagement);
            _client.OnSessionEnded(session, error);
        }
    }
}
