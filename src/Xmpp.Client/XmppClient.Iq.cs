using Xmpp.Client.Extensions;
using System.Globalization;
using System.Collections.Concurrent;
using Xmpp.Client.Internal;
using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private readonly ConcurrentDictionary<(string Name, string Namespace), IqHandler> _iqHandlers = new();

    /// <summary>
    /// Handles incoming IQ requests (get or set) whose payload is <paramref name="elementName"/> in
    /// <paramref name="namespace"/>: the handler returns the answer (<see cref="Iq.CreateResult"/> or
    /// <see cref="Iq.CreateError(StanzaErrorCondition, string?)"/>), which the client sends. A handler that throws is
    /// answered with <c>internal-server-error</c>. Handlers run on the client's event task, in stream order; with
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> above 1 they start in stream order and run side by
    /// side once they await, like the events.
    /// </summary>
    /// <param name="elementName">The payload's element name, such as <c>query</c>.</param>
    /// <param name="namespace">The payload's namespace, such as <c>jabber:iq:version</c>.</param>
    /// <param name="handler">Makes the answer. Its token is cancelled when the session the request came on is over
    /// (the client disconnects or is disposed, or a reconnection could not resume the session): then nobody can receive
    /// the answer, and a handler that ends with that cancellation is not answered at all.</param>
    /// <returns>Dispose it to remove the handler.</returns>
    /// <exception cref="InvalidOperationException">A handler for that payload is already registered.</exception>
    public IDisposable RegisterIqHandler(string elementName, string @namespace, Func<Iq, CancellationToken, Task<Iq>> handler) =>
        AddIqHandler(elementName, @namespace, handler, inOrder: false);

    /// <summary>
    /// Handles incoming IQ requests whose payload is a <typeparamref name="TRequest"/>, like
    /// <see cref="RegisterIqHandler(string, string, Func{Iq, CancellationToken, Task{Iq}})"/>, with the payload read for
    /// the handler; one that <typeparamref name="TRequest"/> cannot read (its <c>FromXElement</c> throws) is answered
    /// <c>bad-request</c>.
    /// </summary>
    /// <typeparam name="TRequest">The request payload's class.</typeparam>
    /// <param name="handler">Gets the request, its payload and a token cancelled when the session is over; returns the
    /// answer, such as <c>request.CreateResult(answerPayload)</c>.</param>
    /// <returns>Dispose it to remove the handler.</returns>
    /// <exception cref="InvalidOperationException">A handler for that payload is already registered.</exception>
    public IDisposable RegisterIqHandler<TRequest>(Func<Iq, TRequest, CancellationToken, Task<Iq>> handler)
        where TRequest : class, IXmppPayload<TRequest>
    {
        ArgumentNullException.ThrowIfNull(handler);
        var name = TRequest.ElementName;
        return AddIqHandler(name.LocalName, name.NamespaceName, ReadingPayload(handler), inOrder: false);
    }

    /// <summary>
    /// Sends an IQ request like <see cref="SendIqAsync(Iq, CancellationToken)"/> and reads the answer's payload as a
    /// <typeparamref name="TResult"/>.
    /// </summary>
    /// <typeparam name="TResult">The answer payload's class.</typeparam>
    /// <param name="request">A get or set.</param>
    /// <param name="cancellationToken">Stops waiting (the request may still be processed by the server).</param>
    /// <returns>The payload, or <see langword="null"/> when the result carries no <typeparamref name="TResult"/> (results
    /// of a set are often empty).</returns>
    /// <exception cref="XmppIqErrorException">The answer was an error; it carries the <see cref="StanzaError"/>.</exception>
    /// <exception cref="XmppTimeoutException">No answer arrived in time.</exception>
    /// <exception cref="XmppConnectionLostException">The session ended before the answer arrived.</exception>
    /// <exception cref="XmppException">The payload could not be read (its <c>FromXElement</c> threw).</exception>
    public async Task<TResult?> SendIqAsync<TResult>(Iq request, CancellationToken cancellationToken = default)
        where TResult : class, IXmppPayload<TResult>
    {
        var reply = await SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return reply.GetPayload<TResult>();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new XmppException($"The answer to '{request.PayloadName}' carried a {TResult.ElementName} that {typeof(TResult).Name} could not read: {error.Message}", error);
        }
    }

    /// <summary>A handler for the raw request that reads the payload for a typed one (<c>bad-request</c> if it cannot).</summary>
    internal static Func<Iq, CancellationToken, Task<Iq>> ReadingPayload<TRequest>(Func<Iq, TRequest, CancellationToken, Task<Iq>> handler)
        where TRequest : class, IXmppPayload<TRequest> =>
        (request, cancellationToken) =>
        {
            TRequest? payload;
            try
            {
                payload = request.GetPayload<TRequest>();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest, $"The {TRequest.ElementName.LocalName} payload could not be read."));
            }

            return payload is null
                ? Task.FromResult(request.CreateError(StanzaErrorCondition.BadRequest))
                : handler(request, payload, cancellationToken);
        };

    /// <summary>
    /// Sends an IQ request and waits for its answer, at most <see cref="XmppClientOptions.IqTimeout"/>. The answer
    /// is accepted only from the entity asked (for a request without 'to', from the account's server); a reply from
    /// anyone else is ignored and logged. Like <see cref="SendAsync(Stanza, CancellationToken)"/>, it sends a copy of the request taken at the call.
    /// </summary>
    /// <param name="request">A get or set.</param>
    /// <param name="cancellationToken">Stops waiting (the request may still be processed by the server).</param>
    /// <returns>The result.</returns>
    /// <exception cref="XmppIqErrorException">The answer was an error; it carries the <see cref="StanzaError"/>.</exception>
    /// <exception cref="XmppTimeoutException">No answer arrived in time.</exception>
    /// <exception cref="XmppConnectionLostException">The session ended before the answer arrived.</exception>
    public Task<Iq> SendIqAsync(Iq request, CancellationToken cancellationToken = default) =>
        SendIqAsync(request, Options.IqTimeout, cancellationToken);

    /// <summary>Sends an IQ request and waits for its answer, at most <paramref name="timeout"/>.</summary>
    /// <param name="request">A get or set.</param>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <param name="cancellationToken">Stops waiting (the request may still be processed by the server).</param>
    /// <returns>The result.</returns>
    /// <exception cref="XmppIqErrorException">The answer was an error; it carries the <see cref="StanzaError"/>.</exception>
    /// <exception cref="XmppTimeoutException">No answer arrived in time.</exception>
    /// <exception cref="XmppConnectionLostException">The session ended before the answer arrived.</exception>
    public async Task<Iq> SendIqAsync(Iq request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("SendIqAsync sends requests (get or set); send results and errors with SendAsync.", nameof(request));
        }

        ThrowIfNotSending();
        var sent = (Iq)StanzaCopy.Of(request); // the caller's object stays as it is
        await _iqSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        PendingIq? pending = null;
        try
        {
            pending = _iqs.Register(sent.Id!, sent.To, BoundJid ?? _lastBoundJid ?? Options.Jid); // throws on a duplicate id
            await SendOwnAsync(sent, decorate: true, cancellationToken).ConfigureAwait(false);
            var reply = await pending.Reply.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (reply.Type == IqType.Error)
            {
                throw new XmppIqErrorException(sent, reply.Error ?? new StanzaError(StanzaErrorCondition.UndefinedCondition)) { Reply = reply };
            }

            return reply;
        }
        catch (TimeoutException error) when (error is not XmppTimeoutException)
        {
            throw new XmppTimeoutException(
                string.Create(CultureInfo.InvariantCulture,
                    $"No answer to the IQ request '{sent.Id}' ({sent.PayloadName}) from {sent.To?.ToString() ?? "the server"} within {timeout.TotalSeconds:0.#} s."),
                error);
        }
        finally
        {
            if (pending is not null)
            {
                _iqs.Remove(pending);
            }

            _iqSlots.Release();
        }
    }

    internal IDisposable AddIqHandler(string elementName, string @namespace, Func<Iq, CancellationToken, Task<Iq>> handler, bool inOrder)
    {
        ArgumentException.ThrowIfNullOrEmpty(elementName);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(handler);
        var key = (elementName, @namespace);
        var entry = new IqHandler(handler, inOrder);
        if (!_iqHandlers.TryAdd(key, entry))
        {
            throw new InvalidOperationException($"An IQ handler for <{elementName} xmlns='{@namespace}'/> is already registered.");
        }

        return new HandlerRegistration(() => _iqHandlers.TryRemove(new KeyValuePair<(string, string), IqHandler>(key, entry)));
    }

    /// <summary>Answers an IQ request: with its registered handler, or through <see cref="IqReceived"/>.</summary>
    private ValueTask AnswerRequestAsync(Iq request, CancellationToken sessionOver)
    {
        if (request.PayloadName is { } name && _iqHandlers.TryGetValue((name.LocalName, name.NamespaceName), out var handler))
        {
            return handler.InOrder
                ? AnswerWithHandlerAsync(request, handler.Handle, name, sessionOver)
                : _events.RunHandlersAsync($"IQ handler for {name}", () => AnswerWithHandlerAsync(request, handler.Handle, name, sessionOver));
        }

        return _events.RunHandlersAsync(nameof(IqReceived), () => AnswerThroughEventAsync(request));
    }

    private async ValueTask AnswerWithHandlerAsync(Iq request, Func<Iq, CancellationToken, Task<Iq>> handler, System.Xml.Linq.XName name,
        CancellationToken sessionOver)
    {
        Iq answer;
        try
        {
            answer = await handler(request, sessionOver).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (sessionOver.IsCancellationRequested)
        {
            return; // the session the request came on is over: nobody is there to answer
        }
        catch (Exception error)
        {
            SessionLog.HandlerFailed(_logger, $"IQ handler for {name}", error);
            answer = request.CreateError(StanzaErrorCondition.InternalServerError);
        }

        await SendAnswerAsync(request, answer).ConfigureAwait(false);
    }

    private async ValueTask AnswerThroughEventAsync(Iq request)
    {
        var args = new IqReceivedEventArgs(request);
        await EventInvoker.InvokeAsync(IqReceived, args, _logger, nameof(IqReceived)).ConfigureAwait(false);
        if (!args.Handled)
        {
            await SendAnswerAsync(request, request.CreateError(StanzaErrorCondition.ServiceUnavailable)).ConfigureAwait(false);
        }
    }

    private async ValueTask SendAnswerAsync(Iq request, Iq answer)
    {
        try
        {
            await SendAsync(answer, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is XmppConnectionLostException or InvalidOperationException)
        {
            // The session is ending; the requester will not get an answer on this stream.
            SessionLog.AnswerNotSent(_logger, request.Id ?? string.Empty, error);
        }
    }

    private void RegisterBuiltInHandlers()
    {
        if (Options.AnswerPings)
        {
            AddIqHandler("ping", Namespaces.Ping, static (ping, _) => Task.FromResult(ping.CreateResult()), inOrder: true);
        }
    }

    /// <summary>A registered IQ handler; <see cref="InOrder"/> ones (<see cref="IqHandlerMode.Sequential"/>) are never run side by side.</summary>
    private sealed record IqHandler(Func<Iq, CancellationToken, Task<Iq>> Handle, bool InOrder);

    private sealed class HandlerRegistration(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
