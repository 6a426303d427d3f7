using Xmpp.Client.Internal;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    /// <summary>
    /// Raised for each message received, in the order they arrive, on the client's event task (one handler call at a
    /// time, never on the network read loop, so a slow handler delays other events but never IQ answers). A handler
    /// that throws is logged and does not affect the session.
    /// </summary>
    public event Func<Message, Task>? MessageReceived;

    /// <summary>
    /// Raised for each presence received (availability, subscription requests and answers), in stream order, on the
    /// client's event task. A handler that throws is logged and does not affect the session.
    /// </summary>
    public event Func<Presence, Task>? PresenceReceived;

    /// <summary>
    /// Raised, in stream order on the client's event task, for each IQ request (get or set) that no handler registered
    /// with <see cref="RegisterIqHandler"/> claimed. Unless a handler sets <see cref="IqReceivedEventArgs.Handled"/>,
    /// the client then answers <c>service-unavailable</c>. IQ results and errors never raise this event: they complete
    /// <see cref="SendIqAsync(Iq, CancellationToken)"/>.
    /// </summary>
    public event Func<IqReceivedEventArgs, Task>? IqReceived;

    private async ValueTask DispatchAsync(Stanza stanza)
    {
        if (await ModulesConsumeAsync(stanza).ConfigureAwait(false))
        {
            return;
        }

        switch (stanza)
        {
            case Message message:
                await EventInvoker.InvokeAsync(MessageReceived, message, _logger, nameof(MessageReceived)).ConfigureAwait(false);
                break;
            case Presence presence:
                await EventInvoker.InvokeAsync(PresenceReceived, presence, _logger, nameof(PresenceReceived)).ConfigureAwait(false);
                break;
            case Iq request:
                await AnswerRequestAsync(request).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Receives from the session's read loop and queues for the event task. Nothing is dispatched until the modules
    /// have started the session (<see cref="Ready"/>), so every module sees a session's first stanza after its own
    /// start; IQ replies need no dispatch, so a module may await requests while starting.
    /// </summary>
    private sealed class SessionEvents : ISessionHandler
    {
        private readonly XmppClient _client;
        private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SessionEvents(XmppClient client)
        {
            _client = client;
        }

        /// <summary>Lets dispatch begin (<see langword="true"/>) or drops what this session received (<see langword="false"/>).</summary>
        public void Ready(bool started) => _ready.TrySetResult(started);

        public ValueTask OnStanzaAsync(Stanza stanza, CancellationToken cancellationToken) =>
            _client._events.EnqueueAsync(stanza.Element.Name, async () =>
            {
                if (await _ready.Task.ConfigureAwait(false))
                {
                    await _client.DispatchAsync(stanza).ConfigureAwait(false);
                }
            }, cancellationToken);

        public ValueTask OnNonStanzaAsync(XmppElement element, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void OnSkipped(SkippedElement skipped) => _client.Diagnostics.CountSkipped();

        public void OnEnded(XmppSession session, Exception? error)
        {
            // What a stream-management session read is counted as handled: never dropped (see ConnectSessionAsync).
            Ready(session.Negotiated.StreamManagement);
            _client.OnSessionEnded(session, error);
        }
    }
}
