using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading.Channels;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Testing;

/// <summary>
/// A scripted contact on an <see cref="InMemoryXmppServer"/>: a real <see cref="XmppClient"/> logged in to the server,
/// with what it receives queued for the test to await. Get one from <see cref="InMemoryXmppServer.ConnectPeerAsync"/>.
/// </summary>
/// <remarks>
/// Messages, presence (except the peer's own, which the server reflects) and IQ requests are queued separately, up
/// to <see cref="MaxQueued"/> each; when a queue is full the oldest entry is dropped. IQ requests are queued instead
/// of answered: reply with <see cref="SendAsync"/> and <see cref="Iq.CreateResult(System.Xml.Linq.XElement?)"/>, or the
/// sender waits until its timeout. Thread-safe.
/// </remarks>
public sealed class XmppTestPeer : IAsyncDisposable
{
    /// <summary>How many stanzas of each kind wait to be taken with the <c>Next…Async</c> methods.</summary>
    public const int MaxQueued = 1_000;

    private readonly Channel<Message> _messages = NewQueue<Message>();
    private readonly Channel<Presence> _presences = NewQueue<Presence>();
    private readonly Channel<Iq> _iqs = NewQueue<Iq>();
    private readonly TaskCompletionSource _online = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal XmppTestPeer(XmppClient client)
    {
        Client = client;
        client.MessageReceived += message =>
        {
            _messages.Writer.TryWrite(message);
            return Task.CompletedTask;
        };
        client.PresenceReceived += presence =>
        {
            if (presence.From is { } from && from == client.BoundJid)
            {
                _online.TrySetResult();
            }
            else
            {
                _presences.Writer.TryWrite(presence);
            }

            return Task.CompletedTask;
        };
        client.IqReceived += args =>
        {
            args.Handled = true;
            _iqs.Writer.TryWrite(args.Request);
            return Task.CompletedTask;
        };
    }

    /// <summary>How long the <c>Next…Async</c> methods wait when no timeout is given: 5 seconds.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The peer's client, for anything the helpers here do not cover.</summary>
    public XmppClient Client { get; }

    /// <summary>The peer's full JID.</summary>
    public Jid Jid => Client.BoundJid ?? Client.Options.Jid;

    /// <summary>Sends a chat message.</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="body">The text.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id of the message.</returns>
    public ValueTask<string> SendMessageAsync(Jid to, string body, CancellationToken cancellationToken = default) =>
        Client.SendAsync(new Message(to, body), cancellationToken);

    /// <summary>Sends a presence stanza: broadcast when it has no <see cref="Stanza.To"/>, a subscription request or answer otherwise.</summary>
    /// <param name="presence">The presence.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id of the stanza.</returns>
    public ValueTask<string> SendPresenceAsync(Presence presence, CancellationToken cancellationToken = default) =>
        Client.SendAsync(presence, cancellationToken);

    /// <summary>Sends any stanza, such as the answer to a request taken with <see cref="NextIqAsync"/>.</summary>
    /// <param name="stanza">The stanza.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id of the stanza.</returns>
    public ValueTask<string> SendAsync(Stanza stanza, CancellationToken cancellationToken = default) =>
        Client.SendAsync(stanza, cancellationToken);

    /// <summary>Sends an IQ request and waits for its answer (an error answer throws <see cref="XmppIqErrorException"/>).</summary>
    /// <param name="request">A get or set request with a recipient.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The result.</returns>
    public Task<Iq> SendIqAsync(Iq request, CancellationToken cancellationToken = default) =>
        Client.SendIqAsync(request, cancellationToken);

    /// <summary>The next message the peer received (oldest first).</summary>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">No message arrived in time.</exception>
    public Task<Message> NextMessageAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        NextAsync(_messages, "message", timeout, cancellationToken);

    /// <summary>The next presence stanza the peer received (oldest first), not counting its own.</summary>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">No presence arrived in time.</exception>
    public Task<Presence> NextPresenceAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        NextAsync(_presences, "presence", timeout, cancellationToken);

    /// <summary>The next IQ request (get or set) the peer received (oldest first); answer it with <see cref="SendAsync"/>.</summary>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TimeoutException">No request arrived in time.</exception>
    public Task<Iq> NextIqAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        NextAsync(_iqs, "IQ request", timeout, cancellationToken);

    /// <summary>Takes the next queued message without waiting: to assert that nothing arrived before a later stanza.</summary>
    /// <param name="message">The message, or <see langword="null"/> when none is queued.</param>
    /// <returns>Whether a message was queued.</returns>
    public bool TryNextMessage([NotNullWhen(true)] out Message? message) => _messages.Reader.TryRead(out message);

    /// <summary>Takes the next queued presence without waiting: to assert that nothing arrived before a later stanza.</summary>
    /// <param name="presence">The presence, or <see langword="null"/> when none is queued.</param>
    /// <returns>Whether a presence was queued.</returns>
    public bool TryNextPresence([NotNullWhen(true)] out Presence? presence) => _presences.Reader.TryRead(out presence);

    /// <summary>Takes the next queued IQ request without waiting: to assert that nothing arrived before a later stanza.</summary>
    /// <param name="request">The request, or <see langword="null"/> when none is queued.</param>
    /// <returns>Whether a request was queued.</returns>
    public bool TryNextIq([NotNullWhen(true)] out Iq? request) => _iqs.Reader.TryRead(out request);

    /// <summary>Disconnects the peer and disposes its client.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        _messages.Writer.TryComplete();
        _presences.Writer.TryComplete();
        _iqs.Writer.TryComplete();
    }

    /// <summary>Completes once the server has taken the peer's initial presence (it reflects it to the peer).</summary>
    internal Task Online => _online.Task;

    private async Task<T> NextAsync<T>(Channel<T> queue, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var wait = timeout ?? DefaultTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(wait);
        try
        {
            return await queue.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{Jid} received no {what} within {wait.TotalSeconds:0.###} s."));
        }
        catch (ChannelClosedException error)
        {
            throw new ObjectDisposedException($"The peer {Jid} was disposed.", error);
        }
    }

    private static Channel<T> NewQueue<T>() =>
        Channel.CreateBounded<T>(new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false });
}
