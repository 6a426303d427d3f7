using Microsoft.Extensions.Logging;
using Xmpp.Client.Internal;
using Xmpp.Client.Net;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Session;

/// <summary>
/// One XML stream over a transport: opens and restarts the stream, reads top-level elements (turning the server's
/// <c>&lt;stream:error/&gt;</c> and broken connections into typed exceptions) and writes elements.
/// </summary>
/// <remarks>
/// Reading is for one reader at a time. Each write (element, stream error, keepalive, stream close) holds the stream's
/// write gate until it is flushed: <see cref="StanzaWriter"/> orders the session's writes, but the read loop sends a
/// stream error for bad XML by itself, and the pipe writer under both is not thread-safe.
/// </remarks>
internal sealed class XmppStream : IAsyncDisposable
{
    private readonly XmlStreamReaderOptions _readerOptions;
    private readonly ILogger _logger;
    private XmlStreamReader _reader;
    private CountingPipeReader _readerInput;

    private readonly Telemetry.ClientMetrics? _metrics;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private bool _closed;

    public XmppStream(XmppTransport transport, XmlStreamReaderOptions readerOptions, ILogger logger, Telemetry.ClientMetrics? metrics = null)
    {
        Transport = transport;
        _metrics = metrics;
        _readerOptions = readerOptions;
        _logger = logger;
        _readerInput = new CountingPipeReader(transport.Input);
        _reader = new XmlStreamReader(_readerInput, readerOptions);
    }

    /// <summary>The transport under the stream.</summary>
    public XmppTransport Transport { get; }

    /// <summary>
    /// How many bytes the element <see cref="ReadElementAsync"/> returned last took on the wire (with any whitespace
    /// before it).
    /// </summary>
    public long LastElementBytes { get; private set; }

    /// <summary>The server's most recent stream header.</summary>
    public XmlStreamHeader? ServerHeader { get; private set; }

    /// <summary>
    /// What the negotiation is waiting for (such as <c>the TLS handshake</c>), set by the stream and the negotiator as
    /// they go, for the error when the server stops answering.
    /// </summary>
    public string Stage { get; set; } = "the stream header";

    /// <summary>
    /// Opens (or, after STARTTLS or SASL, restarts) the stream: sends our header and reads the server's header and
    /// its <c>&lt;stream:features/&gt;</c>.
    /// </summary>
    public async Task<XmppElement> OpenAsync(string domain, string? from, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(_readerInput.Inner, Transport.Input))
        {
            _reader.Reset(); // SASL restart: same bytes, new document; nothing read ahead is lost.
        }
        else
        {
            _readerInput = new CountingPipeReader(Transport.Input); // STARTTLS: a new (encrypted) pipe.
            _reader = new XmlStreamReader(_readerInput, _readerOptions) { SkipElementsOverLimits = _reader.SkipElementsOverLimits };
        }

        var header = new XmlStreamHeader
        {
            To = domain,
            From = from,
            Version = "1.0",
            Language = "en",
            DefaultNamespace = Namespaces.Client,
        };
        await WriteLockedAsync(output => XmlStreamWriter.WriteStreamHeader(output, header), cancellationToken).ConfigureAwait(false);
        SessionLog.StreamOpened(_logger, domain);

        Stage = "the stream header";
        ServerHeader = await ReadHeaderAsync(domain, cancellationToken).ConfigureAwait(false);
        if (!IsVersionOneOrLater(ServerHeader.Version))
        {
            await FailAsync(StreamErrorCondition.UnsupportedVersion, cancellationToken).ConfigureAwait(false);
            throw new XmppStreamErrorException(StreamErrorCondition.UnsupportedVersion,
                $"The server speaks XMPP version '{ServerHeader.Version ?? "0.9"}'; version 1.0 or later is required.", sentByClient: true);
        }

        Stage = "the stream features";
        var features = await ReadElementAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new XmppConnectionLostException("The server closed the stream instead of sending its stream features.");
        if (features.Name != "features" || features.Namespace != Namespaces.Streams)
        {
            await FailAsync(StreamErrorCondition.UnsupportedStanzaType, cancellationToken).ConfigureAwait(false);
            throw new XmppStreamErrorException(StreamErrorCondition.UnsupportedStanzaType,
                $"Expected <stream:features/>, received <{features.Name}/> in '{features.Namespace}'.", sentByClient: true);
        }

        return features;
    }

    /// <summary>
    /// Whether a top-level element over a per-element limit is skipped (returned by <see cref="ReadAsync"/> as
    /// <see cref="StreamItem.Skipped"/>) instead of ending the stream with policy-violation. The session turns it on
    /// once it is established; during negotiation every element matters.
    /// </summary>
    public bool SkipElementsOverLimits
    {
        get => _reader.SkipElementsOverLimits;
        set => _reader.SkipElementsOverLimits = value;
    }

    /// <summary>
    /// Reads the next top-level element; <see langword="null"/> when the server closed the stream with
    /// <c>&lt;/stream:stream&gt;</c>. Only while <see cref="SkipElementsOverLimits"/> is off.
    /// </summary>
    /// <exception cref="XmppStreamErrorException">The server sent a stream error, or sent XML this client refuses
    /// (in which case the client has sent the stream error).</exception>
    /// <exception cref="XmppConnectionLostException">The connection closed without a stream close.</exception>
    public async ValueTask<XmppElement?> ReadElementAsync(CancellationToken cancellationToken)
    {
        var item = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return item.Skipped is null ? item.Element
            : throw new InvalidOperationException("An element was skipped: read with ReadAsync while SkipElementsOverLimits is on.");
    }

    /// <summary>
    /// Reads the next top-level element, or what was read of one skipped for breaking a limit; neither when the
    /// server closed the stream with <c>&lt;/stream:stream&gt;</c>.
    /// </summary>
    /// <exception cref="XmppStreamErrorException">The server sent a stream error, or sent XML this client refuses
    /// (in which case the client has sent the stream error).</exception>
    /// <exception cref="XmppConnectionLostException">The connection closed without a stream close.</exception>
    public async ValueTask<StreamItem> ReadAsync(CancellationToken cancellationToken)
    {
        StreamItem item;
        var before = _readerInput.Consumed;
        try
        {
            item = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            LastElementBytes = _readerInput.Consumed - before;
        }
        catch (XmppXmlException error)
        {
            await FailAsync(error.Condition, cancellationToken).ConfigureAwait(false);
            throw new XmppStreamErrorException(error.Condition, error.Message, sentByClient: true, innerException: error);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            throw new XmppConnectionLostException("The connection to the server was lost.", error);
        }

        if (item.Element is not { } element)
        {
            return item;
        }

        _metrics?.Received(Telemetry.ClientMetrics.KindOf(element.Name, element.Namespace), LastElementBytes);

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            SessionLog.Received(_logger, TraceText.Of(element));
        }

        if (element.Name == "error" && element.Namespace == Namespaces.Streams)
        {
            throw StreamErrorParser.Parse(element);
        }

        return item;
    }

    /// <summary>Writes one element and flushes it (with anything written before it unflushed) to the server.</summary>
    public async ValueTask WriteAsync(XmppElement element, CancellationToken cancellationToken) =>
        await WriteAsync(element, flush: true, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Writes one element; with <paramref name="flush"/> off it stays in the pipe, to go out with what follows in
    /// one flush (one TLS record and one send). Returns how many bytes are waiting for a flush now.
    /// </summary>
    public async ValueTask<long> WriteAsync(XmppElement element, bool flush, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            SessionLog.Sent(_logger, TraceText.Of(element));
        }

        long unflushed = 0;
        await WriteLockedAsync(output =>
        {
            var before = output.CanGetUnflushedBytes ? output.UnflushedBytes : 0;
            XmlStreamWriter.WriteElement(output, element);
            unflushed = output.CanGetUnflushedBytes ? output.UnflushedBytes : 0;
            _metrics?.Sent(Telemetry.ClientMetrics.KindOf(element.Name, element.Namespace), unflushed - before);
        }, flush, cancellationToken).ConfigureAwait(false);
        return flush ? 0 : unflushed;
    }

    /// <summary>Flushes what <see cref="WriteAsync(XmppElement, bool, CancellationToken)"/> left in the pipe.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => WriteLockedAsync(static _ => { }, flush: true, cancellationToken);

    /// <summary>Sends a stream error and closes the stream; failures to send are ignored (the stream is ending).</summary>
    /// <param name="condition">The RFC 6120 condition.</param>
    /// <param name="cancellationToken">Stops waiting for the network.</param>
    /// <param name="applicationCondition">An application-specific condition element to add, if any.</param>
    public async ValueTask FailAsync(StreamErrorCondition condition, CancellationToken cancellationToken, XmppElement? applicationCondition = null)
    {
        var error = new XmppElement("error", Namespaces.Streams)
            .Add(new XmppElement(StreamErrorConditions.ToElementName(condition), Namespaces.StreamErrors));
        if (applicationCondition is not null)
        {
            error.Add(applicationCondition);
        }

        try
        {
            await WriteLockedAsync(output =>
            {
                XmlStreamWriter.WriteElement(output, error);
                XmlStreamWriter.WriteStreamEnd(output);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception sendError) when (sendError is IOException or ObjectDisposedException or XmppConnectionLostException or OperationCanceledException)
        {
            SessionLog.StreamErrorNotSent(_logger, condition, sendError);
        }
    }

    /// <summary>Sends one space: a whitespace keepalive between top-level elements (RFC 6120 §4.6.1).</summary>
    public ValueTask WriteWhitespaceAsync(CancellationToken cancellationToken) =>
        WriteLockedAsync(static output =>
        {
            output.GetSpan(1)[0] = (byte)' ';
            output.Advance(1);
        }, cancellationToken);

    /// <summary>Sends <c>&lt;/stream:stream&gt;</c>.</summary>
    public ValueTask CloseAsync(CancellationToken cancellationToken) =>
        WriteLockedAsync(static output => XmlStreamWriter.WriteStreamEnd(output), cancellationToken);

    /// <summary>Writes with <paramref name="write"/> and flushes, holding the write gate throughout.</summary>
    private ValueTask WriteLockedAsync(Action<System.IO.Pipelines.PipeWriter> write, CancellationToken cancellationToken) =>
        WriteLockedAsync(write, flush: true, cancellationToken);

    /// <summary>Writes with <paramref name="write"/> and, if asked, flushes, holding the write gate throughout.</summary>
    private async ValueTask WriteLockedAsync(Action<System.IO.Pipelines.PipeWriter> write, bool flush, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                throw new XmppConnectionLostException("The connection to the server is closed.");
            }

            write(Transport.Output);
            if (flush)
            {
                await FlushOutputAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Flushes what was written; a broken connection becomes <see cref="XmppConnectionLostException"/>.</summary>
    private async ValueTask FlushOutputAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await Transport.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                throw new XmppConnectionLostException("The connection to the server is closed.");
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new XmppConnectionLostException("The connection to the server was lost while sending.", error);
        }
    }

    /// <summary>Closes the transport once no write is in progress (waiting at most a few seconds for one).</summary>
    public async ValueTask DisposeAsync()
    {
        var entered = await _writing.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        try
        {
            _closed = true; // later writers get XmppConnectionLostException, not a completed pipe
            await Transport.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (entered)
            {
                _writing.Release();
            }
        }
    }

    /// <summary>
    /// Reads the server's stream header. What cannot start an XML stream, as the first thing received on the
    /// connection, means the endpoint is not an XMPP server (a web server, another service, a TLS port spoken to in
    /// plain text): the error names the endpoint, with the parser's detail as the attempt's error.
    /// </summary>
    private async ValueTask<XmlStreamHeader> ReadHeaderAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (XmppXmlException error)
        {
            await FailAsync(error.Condition, cancellationToken).ConfigureAwait(false);
            if (ServerHeader is null)
            {
                throw new XmppConnectException(domain,
                    [new XmppConnectAttempt(Transport.Remote, $"did not answer like an XMPP server ({error.Message})", error)]);
            }

            throw new XmppStreamErrorException(error.Condition, error.Message, sentByClient: true, innerException: error);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException)
        {
            throw new XmppConnectionLostException($"{Transport.Remote} closed the connection before opening its stream.", error);
        }
    }

    private static bool IsVersionOneOrLater(string? version)
    {
        if (version is null)
        {
            return false;
        }

        var dot = version.IndexOf('.', StringComparison.Ordinal);
        var major = dot < 0 ? version : version[..dot];
        return int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1;
    }
}
