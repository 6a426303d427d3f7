using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions;

/// <summary>What an extension registers while it initialises: routes, IQ handlers, decorators and lifecycle callbacks.</summary>
public sealed partial class XmppExtensionContext
{
    /// <summary>
    /// Routes received messages to <paramref name="handler"/>: those carrying <paramref name="payload"/> (or every one),
    /// of <paramref name="type"/> (or any). Routes run on the client's event task, in stream order, before
    /// <see cref="XmppClient.MessageReceived"/>, in the order they were registered (extensions in the order they
    /// initialise); a message meets only the routes it matches.
    /// </summary>
    /// <param name="handler">Gets the message and a token cancelled when the session it came on is over. Returns
    /// <see langword="true"/> when it handled the message: later routes and <see cref="XmppClient.MessageReceived"/> do
    /// not see it. Most return <see langword="false"/>, to let everyone see every message whole. Awaited in place:
    /// raise the extension's events with <see cref="RaiseAsync"/> so slow application handlers can run side by side.
    /// An exception is logged and counts as <see langword="false"/>.</param>
    /// <param name="payload">The qualified name of a child element the message must carry (outside <c>jabber:client</c>).</param>
    /// <param name="type">The message type it must have.</param>
    public void OnMessage(Func<Message, CancellationToken, ValueTask<bool>> handler, XName? payload = null, MessageType? type = null) =>
        OnMessage(handler, payload is null ? null : [payload], type);

    /// <summary>
    /// Routes received messages that carry any of <paramref name="payloads"/> to <paramref name="handler"/>, once per
    /// message however many of them it carries (the five chat states, say). Otherwise like
    /// <see cref="OnMessage(Func{Message, CancellationToken, ValueTask{bool}}, XName?, MessageType?)"/>.
    /// </summary>
    /// <param name="handler">Gets the message and the session's token; <see langword="true"/> when it handled it.</param>
    /// <param name="payloads">The payload names, or <see langword="null"/> for every message.</param>
    /// <param name="type">The message type it must have.</param>
    public void OnMessage(Func<Message, CancellationToken, ValueTask<bool>> handler, IReadOnlyCollection<XName>? payloads, MessageType? type = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckInitializing();
        Func<Stanza, bool>? accepts = type is { } wanted ? stanza => ((Message)stanza).Type == wanted : null;
        _host.AddRoute(this, new StanzaRouter.Route(StanzaRouter.StanzaKind.Message, Names(payloads), accepts, (stanza, token) => handler((Message)stanza, token)));
    }

    /// <summary>
    /// Routes received messages that carry a <typeparamref name="TPayload"/> to <paramref name="handler"/>, with the
    /// payload read (the first one, when there are several). A payload <typeparamref name="TPayload"/> cannot read (its
    /// <c>FromXElement</c> throws) passes the route by, logged at debug level.
    /// </summary>
    /// <typeparam name="TPayload">The payload's class.</typeparam>
    /// <param name="handler">Gets the message, its payload and the session's token; <see langword="true"/> when it handled it.</param>
    /// <param name="type">The message type it must have.</param>
    public void OnMessage<TPayload>(Func<Message, TPayload, CancellationToken, ValueTask<bool>> handler, MessageType? type = null)
        where TPayload : class, IXmppPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(handler);
        OnMessage((message, token) => ReadPayload(message, out TPayload? payload) ? handler(message, payload!, token) : new(false), TPayload.ElementName, type);
    }

    /// <summary>
    /// Routes received presences that carry a <typeparamref name="TPayload"/> to <paramref name="handler"/>, with the
    /// payload read, like <see cref="OnMessage{TPayload}"/>.
    /// </summary>
    /// <typeparam name="TPayload">The payload's class.</typeparam>
    /// <param name="handler">Gets the presence, its payload and the session's token; <see langword="true"/> when it handled it.</param>
    /// <param name="type">The presence type it must have.</param>
    public void OnPresence<TPayload>(Func<Presence, TPayload, CancellationToken, ValueTask<bool>> handler, PresenceType? type = null)
        where TPayload : class, IXmppPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(handler);
        OnPresence((presence, token) => ReadPayload(presence, out TPayload? payload) ? handler(presence, payload!, token) : new(false), TPayload.ElementName, type);
    }

    /// <summary>
    /// Routes received presences to <paramref name="handler"/>, like <see cref="OnMessage(Func{Message, CancellationToken, ValueTask{bool}}, XName?, MessageType?)"/> does messages, before
    /// <see cref="XmppClient.PresenceReceived"/>.
    /// </summary>
    /// <param name="handler">Gets the presence and the session's token; <see langword="true"/> when it handled it.</param>
    /// <param name="payload">The qualified name of a child element the presence must carry.</param>
    /// <param name="type">The presence type it must have.</param>
    public void OnPresence(Func<Presence, CancellationToken, ValueTask<bool>> handler, XName? payload = null, PresenceType? type = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckInitializing();
        Func<Stanza, bool>? accepts = type is { } wanted ? stanza => ((Presence)stanza).Type == wanted : null;
        _host.AddRoute(this, new StanzaRouter.Route(
            StanzaRouter.StanzaKind.Presence, payload is null ? null : [payload], accepts, (stanza, token) => handler((Presence)stanza, token)));
    }

    private static XName[]? Names(IReadOnlyCollection<XName>? payloads)
    {
        if (payloads is null)
        {
            return null;
        }

        XName[] names = [.. payloads];
        if (names.Length == 0 || Array.Exists(names, name => name is null))
        {
            throw new ArgumentException("Give one or more payload names (or null for every stanza).", nameof(payloads));
        }

        return names;
    }

    /// <summary>
    /// Answers IQ requests (get and set) whose payload is <paramref name="payload"/>, like
    /// <see cref="XmppClient.RegisterIqHandler"/>: the handler returns the answer (<see cref="Iq.CreateResult"/> or
    /// <see cref="Iq.CreateError(StanzaErrorCondition, string?)"/>); one that throws is answered
    /// <c>internal-server-error</c>, and requests nobody handles are answered <c>service-unavailable</c>.
    /// </summary>
    /// <param name="payload">The request payload's qualified name.</param>
    /// <param name="handler">Makes the answer; its token is cancelled when the session the request came on is over (then
    /// nobody can receive the answer, and a handler that ends with that cancellation is not answered).</param>
    /// <param name="mode">Whether the handler may run side by side with the application's handlers.</param>
    /// <exception cref="InvalidOperationException">A handler for that payload is already registered.</exception>
    public void HandleIq(XName payload, Func<Iq, CancellationToken, Task<Iq>> handler, IqHandlerMode mode = IqHandlerMode.Concurrent)
    {
        ArgumentNullException.ThrowIfNull(payload);
        CheckInitializing();
        Client.AddIqHandler(payload.LocalName, payload.NamespaceName, handler, mode == IqHandlerMode.Sequential);
    }

    /// <summary>
    /// Answers IQ requests whose payload is a <typeparamref name="TRequest"/>, read for the handler; a payload that
    /// <typeparamref name="TRequest"/> cannot read (its <c>FromXElement</c> throws) is answered <c>bad-request</c>.
    /// </summary>
    /// <typeparam name="TRequest">The request payload's class.</typeparam>
    /// <param name="handler">Gets the request, its payload and the session's token; returns the answer, such as
    /// <c>request.CreateResult(answerPayload)</c>.</param>
    /// <param name="mode">Whether the handler may run side by side with the application's handlers.</param>
    /// <exception cref="InvalidOperationException">A handler for that payload is already registered.</exception>
    public void HandleIq<TRequest>(Func<Iq, TRequest, CancellationToken, Task<Iq>> handler, IqHandlerMode mode = IqHandlerMode.Concurrent)
        where TRequest : class, IXmppPayload<TRequest>
    {
        ArgumentNullException.ThrowIfNull(handler);
        HandleIq(TRequest.ElementName, XmppClient.ReadingPayload(handler), mode);
    }

    /// <summary>
    /// Lets the extension add payloads to each stanza about to be sent (a receipt request, a chat state, capabilities):
    /// on the sender's thread, after the stanza got its id, on the client's own copy (never the caller's object). A
    /// send made with <see cref="XmppSendOptions.Undecorated"/> skips every decorator. Keep it quick; an exception
    /// fails the send.
    /// </summary>
    /// <param name="decorate">Adds to the stanza.</param>
    public void DecorateOutgoing(Action<Stanza> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        CheckInitializing();
        _host.AddDecorator(decorate);
    }

    /// <summary>
    /// Lets the extension see each stanza about to be sent, after the decorators, also when a send skips decoration
    /// (to track a receipt request or a message id). It must not change the stanza.
    /// </summary>
    /// <param name="watch">Looks at the stanza.</param>
    public void WatchOutgoing(Action<Stanza> watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        CheckInitializing();
        _host.AddWatcher(watch);
    }

    /// <summary>
    /// Runs when a session is bound or resumed, before <see cref="XmppClient.ConnectAsync"/> returns (or the reconnection
    /// reports <see cref="XmppClientState.Connected"/>) and before any stanza of the session reaches a route or event:
    /// the place to enable a server feature (carbons), fetch what the extension needs, or rejoin rooms after a
    /// reconnection that was not resumed. Requests may be sent and awaited. Extensions run one after the other; for a
    /// new session, after every <see cref="OnNewSession"/> callback.
    /// </summary>
    /// <param name="handler">Gets the session's description and a token cancelled if the session ends meanwhile. An
    /// exception fails the connection attempt (a reconnection tries again).</param>
    public void OnSessionStarted(Func<XmppSessionStartedEventArgs, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckInitializing();
        _host.SessionStarted.Add(handler);
    }

    /// <summary>
    /// Runs on the event task when a session starts that is not the resumption of the previous one (the first session
    /// too): after every stanza of the previous session, before the first of the new one. What the extension learned
    /// from the server may be out of date: clear it here (presence seen, pushed lists), in order with the stanzas.
    /// </summary>
    /// <param name="handler">Gets the new session's description; keep it quick (an exception is logged).</param>
    public void OnNewSession(Action<XmppSessionStartedEventArgs> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckInitializing();
        _host.NewSession.Add(handler);
    }

    /// <summary>
    /// Runs on the event task when a session that was established ends (the client leaves
    /// <see cref="XmppClientState.Connected"/>: closing, or the connection lost), in order with the stanzas and before
    /// <see cref="XmppClient.StateChanged"/> reports it.
    /// </summary>
    /// <param name="handler">Gets why it ended and whether the client reconnects; an exception is logged.</param>
    public void OnSessionEnded(Func<XmppSessionEndedEventArgs, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckInitializing();
        _host.SessionEnded.Add(handler);
    }

    private bool ReadPayload<TPayload>(Stanza stanza, out TPayload? payload)
        where TPayload : class, IXmppPayload<TPayload>
    {
        try
        {
            payload = stanza.GetPayload<TPayload>();
            return payload is not null;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            ExtensionLog.UnreadablePayload(Logger, TPayload.ElementName.ToString(), stanza.From?.ToString() ?? string.Empty, error);
            payload = null;
            return false;
        }
    }
}
