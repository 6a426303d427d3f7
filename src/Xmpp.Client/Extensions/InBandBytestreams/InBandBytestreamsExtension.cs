using System.Collections.Concurrent;
using System.Security.Cryptography;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>
/// In-band bytestreams (XEP-0047): binary data as Base64 blocks in IQ stanzas, through the server, when nothing
/// better connects two clients. <see cref="OpenAsync"/> opens one to a peer; <see cref="StreamRequested"/> lets the
/// application accept one a peer opens. Announces <c>http://jabber.org/protocol/ibb</c>.
/// </summary>
/// <remarks>
/// <para>Data is flow-controlled by the acknowledgements: a sender waits for each block's result before the next;
/// a receiver buffers at most <see cref="InBandBytestreamOptions.ReceiveWindow"/> blocks and answers later ones only
/// as its reader makes room. Data is accepted only from the peer a stream belongs to, in sequence (a gap or a
/// repeat closes the stream), no larger than the agreed block size; received as IQs or, on receipt only, as messages
/// (XEP-0047 §2.2 <c>stanza='message'</c>). A new session (not a resumption) breaks every open stream.</para>
/// <para>Thread-safe. Not in the default extension set: add it with
/// <c>Extensions = XmppExtensionSet.Default.Add&lt;InBandBytestreamsExtension&gt;()</c>, or
/// <c>.Add(() =&gt; new InBandBytestreamsExtension(options))</c> for other limits.</para>
/// </remarks>
public sealed partial class InBandBytestreamsExtension : XmppExtension
{
    /// <summary>The XEP-0047 namespace, also its disco feature.</summary>
    public const string Namespace = IbbXml.Namespace;

    private readonly ConcurrentDictionary<StreamKey, InBandStream> _streams = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);
    private readonly ConcurrentDictionary<StreamKey, Expectation> _expected = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);

    /// <summary>Creates the extension with the default limits.</summary>
    public InBandBytestreamsExtension()
        : this(new InBandBytestreamOptions())
    {
    }

    /// <summary>Creates the extension.</summary>
    /// <param name="options">The limits.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of its range.</exception>
    public InBandBytestreamsExtension(InBandBytestreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
    }

    /// <summary>The limits.</summary>
    public InBandBytestreamOptions Options { get; }

    /// <summary>How many streams are open.</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>
    /// Raised when a peer asks to open a stream that nothing else expects: call <see cref="InBandStreamRequest.Accept"/>
    /// to take it (then read it from a task of your own); unaccepted, it is refused with <c>not-acceptable</c>. The
    /// handlers run one after the other while the request is being answered; one that throws is logged.
    /// </summary>
    public event Func<InBandStreamRequest, Task>? StreamRequested;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(Namespace);
        context.HandleIq(IbbXml.Open, OnOpenAsync);
        context.HandleIq(IbbXml.Data, OnDataAsync);
        context.HandleIq(IbbXml.Close, OnCloseAsync);
        context.OnMessage(OnDataMessageAsync, IbbXml.Data);
        context.OnNewSession(_ => BreakAll());
    }

    /// <summary>Opens a stream to a peer (XEP-0047 §2.1).</summary>
    /// <param name="peer">The peer's full JID.</param>
    /// <param name="sid">The session id; a random one when <see langword="null"/>.</param>
    /// <param name="blockSize">The block size; <see cref="InBandBytestreamOptions.BlockSize"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the peer's answer.</param>
    /// <returns>The open stream; dispose it to close it.</returns>
    /// <exception cref="ArgumentException"><paramref name="peer"/> is a bare JID, the block size is not 1–65535, or the sid is in use with that peer.</exception>
    /// <exception cref="XmppIqErrorException">The peer refused (<c>not-acceptable</c>, or <c>resource-constraint</c>: try a smaller block size).</exception>
    /// <exception cref="InvalidOperationException">As many streams as <see cref="InBandBytestreamOptions.MaxStreams"/> are open, or the client is not connected.</exception>
    /// <exception cref="XmppTimeoutException">The peer did not answer in time.</exception>
    public async Task<InBandStream> OpenAsync(Jid peer, string? sid = null, int? blockSize = null, CancellationToken cancellationToken = default)
    {
        if (peer.IsBare)
        {
            throw new ArgumentException($"An in-band bytestream goes to a full JID (a client's resource), not the bare {peer}.", nameof(peer));
        }

        var size = blockSize ?? Options.BlockSize;
        if (size is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentException("The block size must be from 1 to 65535 bytes.", nameof(blockSize));
        }

        sid ??= NewSid();
        if (sid.Length is 0 or > IbbXml.MaxSidLength)
        {
            throw new ArgumentException($"A sid must have 1 to {IbbXml.MaxSidLength} characters.", nameof(sid));
        }

        if (_streams.Count >= Options.MaxStreams)
        {
            throw new InvalidOperationException($"{Options.MaxStreams} in-band bytestreams are open (InBandBytestreamOptions.MaxStreams): close one first.");
        }

        var stream = new InBandStream(this, peer, sid, size, Options.ReceiveWindow);
        if (!_streams.TryAdd(new(peer, sid), stream))
        {
            throw new ArgumentException($"The sid '{sid}' is already in use with {peer}.", nameof(sid));
        }

        try
        {
            await Client.SendIqAsync(new Iq(IqType.Set, IbbXml.OpenElement(sid, size)) { To = peer }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _streams.TryRemove(new(new(peer, sid), stream));
            throw;
        }

        IbbLog.Opened(Context.Logger, sid, peer.ToString(), size, "outgoing");
        return stream;
    }

    /// <summary>The client, for the streams.</summary>
    internal XmppClient Owner => Client;

    /// <summary>A new random session id.</summary>
    internal static string NewSid() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>
    /// Expects <paramref name="peer"/> to open a stream with <paramref name="sid"/> (another protocol, such as Jingle,
    /// agreed on it): that open is accepted without <see cref="StreamRequested"/>, and the task gets the stream.
    /// </summary>
    internal Task<InBandStream> Expect(Jid peer, string sid, int maxBlockSize)
    {
        var expectation = new Expectation(maxBlockSize, new TaskCompletionSource<InBandStream>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_expected.TryAdd(new(peer, sid), expectation))
        {
            throw new ArgumentException($"A stream '{sid}' from {peer} is already expected.", nameof(sid));
        }

        return expectation.Opened.Task;
    }

    /// <summary>No longer expects that stream.</summary>
    internal void Unexpect(Jid peer, string sid)
    {
        if (_expected.TryRemove(new(peer, sid), out var expectation))
        {
            expectation.Opened.TrySetCanceled();
        }
    }

    /// <summary>Forgets a closed stream.</summary>
    internal void Forget(InBandStream stream) => _streams.TryRemove(new(new(stream.Peer, stream.Sid), stream));

    /// <summary>Tells the peer the stream is closed, in the background.</summary>
    internal void CloseInBackground(InBandStream stream) => Context.RunInBackground(token => SendCloseAsync(stream, token).AsTask());

    /// <summary>Tells the peer the stream is closed; a failure is only logged (the stream is gone either way).</summary>
    internal async ValueTask SendCloseAsync(InBandStream stream, CancellationToken cancellationToken)
    {
        if (Client.State != XmppClientState.Connected)
        {
            return;
        }

        try
        {
            await Client.SendIqAsync(new Iq(IqType.Set, IbbXml.CloseElement(stream.Sid)) { To = stream.Peer }, cancellationToken).ConfigureAwait(false);
            IbbLog.Closed(Context.Logger, stream.Sid, stream.Peer.ToString(), "us");
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException or OperationCanceledException)
        {
            IbbLog.CloseFailed(Context.Logger, stream.Sid, stream.Peer.ToString(), error.Message);
        }
    }

    private async Task<Iq> OnOpenAsync(Iq request, CancellationToken cancellationToken)
    {
        var open = request.Payload!;
        var sid = IbbXml.Sid(open);
        var blockSize = IbbXml.UShort(open, "block-size");
        if (request.From is not { } from || sid is null || blockSize is null or 0)
        {
            return request.CreateError(StanzaErrorCondition.BadRequest, "An <open/> needs a sid and a block-size from 1 to 65535 (XEP-0047 §2.1).");
        }

        var key = new StreamKey(from, sid);
        var refusal = RefusalOf(key, blockSize.Value);
        if (refusal is not null)
        {
            IbbLog.Refused(Context.Logger, sid, from.ToString(), refusal.ToString());
            return request.CreateError(refusal);
        }

        if (_expected.TryRemove(key, out var expectation))
        {
            if (blockSize > expectation.MaxBlockSize)
            {
                _expected.TryAdd(key, expectation);
                IbbLog.Refused(Context.Logger, sid, from.ToString(), $"block size {blockSize} over the agreed {expectation.MaxBlockSize}");
                return request.CreateError(new StanzaError(StanzaErrorCondition.ResourceConstraint, $"The block size agreed on is {expectation.MaxBlockSize}.", StanzaErrorType.Modify));
            }

            expectation.Opened.TrySetResult(Register(key, blockSize.Value));
            return request.CreateResult();
        }

        var offer = new InBandStreamRequest(from, sid, blockSize.Value, () => Register(key, blockSize.Value));
        if (StreamRequested is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<InBandStreamRequest, Task>>())
            {
                try
                {
                    await handler(offer).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    IbbLog.HandlerFailed(Context.Logger, error);
                }
            }
        }

        if (!offer.IsAccepted)
        {
            IbbLog.Refused(Context.Logger, sid, from.ToString(), "not accepted by the application");
            return request.CreateError(StanzaErrorCondition.NotAcceptable, "The stream was not accepted.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return request.CreateResult();
    }

    private StanzaError? RefusalOf(StreamKey key, int blockSize)
    {
        if (_streams.ContainsKey(key))
        {
            return new StanzaError(StanzaErrorCondition.NotAcceptable, "That sid is already in use.");
        }

        if (blockSize > Options.MaxBlockSize)
        {
            return new StanzaError(StanzaErrorCondition.ResourceConstraint, $"The largest block size accepted is {Options.MaxBlockSize}.", StanzaErrorType.Modify);
        }

        return _streams.Count >= Options.MaxStreams
            ? new StanzaError(StanzaErrorCondition.ResourceConstraint, "Too many streams are open.", StanzaErrorType.Wait)
            : null;
    }

    private InBandStream Register(StreamKey key, int blockSize)
    {
        var stream = new InBandStream(this, key.Peer, key.Sid, blockSize, Options.ReceiveWindow);
        _streams[key] = stream;
        IbbLog.Opened(Context.Logger, key.Sid, key.Peer.ToString(), blockSize, "incoming");
        return stream;
    }

    private Task<Iq> OnCloseAsync(Iq request, CancellationToken cancellationToken)
    {
        var sid = IbbXml.Sid(request.Payload!);
        if (request.From is not { } from || sid is null || !_streams.TryRemove(new(from, sid), out var stream))
        {
            return Task.FromResult(request.CreateError(StanzaErrorCondition.ItemNotFound, "No such stream."));
        }

        stream.ClosedByPeer();
        IbbLog.Closed(Context.Logger, sid, from.ToString(), "the peer");
        return Task.FromResult(request.CreateResult());
    }

    /// <summary>Breaks a stream on bad input and tells the peer it is closed.</summary>
    private void Fail(InBandStream stream, string reason)
    {
        IbbLog.Broken(Context.Logger, stream.Sid, stream.Peer.ToString(), reason);
        var wasOpen = !stream.IsClosed;
        stream.Break(reason);
        Forget(stream);
        if (wasOpen)
        {
            CloseInBackground(stream);
        }
    }

    private void BreakAll()
    {
        foreach (var (key, stream) in _streams)
        {
            stream.Break("the session ended");
            _streams.TryRemove(new(key, stream));
        }

        foreach (var (key, expectation) in _expected)
        {
            expectation.Opened.TrySetException(new InBandBytestreamException("The session ended before the peer opened the stream."));
            _expected.TryRemove(new(key, expectation));
        }
    }

    private sealed record Expectation(int MaxBlockSize, TaskCompletionSource<InBandStream> Opened);
}
