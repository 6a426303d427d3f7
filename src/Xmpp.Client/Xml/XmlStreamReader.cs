using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Xmpp.Client.Xml;

/// <summary>
/// Reads an XMPP XML stream from a <see cref="PipeReader"/>: first the stream header, then one complete top-level
/// element (stanza, <c>&lt;stream:features&gt;</c>, <c>&lt;stream:error&gt;</c>, …) per call, as a tree.
/// </summary>
/// <remarks>
/// <para>Parsing is incremental: bytes are examined once however they arrive, and a read never re-scans what an
/// earlier one saw. The reader consumes exactly up to the end of what it returns, so bytes after it stay in the pipe
/// (what follows <c>&lt;proceed/&gt;</c> is TLS; what follows <c>&lt;success/&gt;</c> is a new stream, see <see cref="Reset"/>).</para>
/// <para>Broken XML, restricted XML (RFC 6120 §11.1) and limits (<see cref="XmlStreamReaderOptions"/>) throw
/// <see cref="XmppXmlException"/> with the stream error condition to send; the reader is then unusable.</para>
/// <para>Not thread-safe: one read loop calls it.</para>
/// </remarks>
internal sealed class XmlStreamReader
{
    private readonly PipeReader _input;
    private readonly XmlStreamParser _parser;
    private long _offset;
    private bool _headerRead;
    private bool _ended;
    private Exception? _failure;

    // Waiting for bytes between stanzas, the idle timer may release the parser's learned state (IdleReaders); these
    // say when the wait began and whether that happened, and keep the timer and the read from using the parser at once.
    private const int Busy = 0;
    private const int Waiting = 1;
    private const int Releasing = 2;
    private int _waitState;
    private long _waitingSince;
    private bool _releasedThisWait;
    private bool _registered;

    /// <summary>Creates a reader; no I/O happens until the first read.</summary>
    /// <param name="input">The incoming bytes of the connection.</param>
    /// <param name="options">Limits and restrictions; <see cref="XmlStreamReaderOptions.Default"/> when <see langword="null"/>.</param>
    public XmlStreamReader(PipeReader input, XmlStreamReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= XmlStreamReaderOptions.Default;
        options.Validate();
        _input = input;
        _parser = new XmlStreamParser(options);
    }

    /// <summary>Reads the stream header, skipping an XML declaration and whitespace before it.</summary>
    /// <param name="ct">Cancels the wait for bytes.</param>
    /// <returns>The header's attributes and namespace declarations.</returns>
    /// <exception cref="XmppXmlException">The bytes are not a valid stream header.</exception>
    /// <exception cref="EndOfStreamException">The connection ended before the header was complete.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<XmlStreamHeader> ReadHeaderAsync(CancellationToken ct)
    {
        if (_headerRead)
        {
            throw new InvalidOperationException("The stream header was already read; call Reset() for a stream restart first.");
        }

        await NextAsync(ct).ConfigureAwait(false);
        _headerRead = true;
        if (!_registered)
        {
            _registered = true;
            IdleReaders.Add(this);
        }

        _ended = _parser.IsEnded;
        return _parser.TakeHeader();
    }

    /// <summary>
    /// Whether a top-level element that breaks a per-element limit (depth, attributes, size) is skipped — returned
    /// by <see cref="ReadAsync"/> as <see cref="StreamItem.Skipped"/> — instead of failing the stream. Off by default.
    /// </summary>
    public bool SkipElementsOverLimits
    {
        get => _parser.SkipElementsOverLimits;
        set => _parser.SkipElementsOverLimits = value;
    }

    /// <summary>Reads the next top-level element of the stream (<see cref="SkipElementsOverLimits"/> must be off).</summary>
    /// <param name="ct">Cancels the wait for bytes.</param>
    /// <returns>The element, or <see langword="null"/> once the peer has closed the stream with <c>&lt;/stream:stream&gt;</c>.</returns>
    /// <exception cref="XmppXmlException">The peer sent XML that breaks a rule or a limit.</exception>
    /// <exception cref="EndOfStreamException">The connection ended without <c>&lt;/stream:stream&gt;</c> (it broke).</exception>
    public ValueTask<XmppElement?> ReadElementAsync(CancellationToken ct)
    {
        ValueTask<StreamItem> next = ReadAsync(ct);
        return next.IsCompletedSuccessfully ? new ValueTask<XmppElement?>(ElementOf(next.Result)) : ElementAsync(next);
    }

    /// <summary>Reads the next top-level element of the stream, or the next one skipped for breaking a limit.</summary>
    /// <param name="ct">Cancels the wait for bytes.</param>
    /// <returns>The element, what was read of a skipped one, or neither once the peer has closed the stream.</returns>
    /// <exception cref="XmppXmlException">The peer sent XML that breaks a rule (or a limit, unless it is skipped).</exception>
    /// <exception cref="EndOfStreamException">The connection ended without <c>&lt;/stream:stream&gt;</c> (it broke).</exception>
    public ValueTask<StreamItem> ReadAsync(CancellationToken ct)
    {
        if (!_headerRead)
        {
            throw new InvalidOperationException("Read the stream header (ReadHeaderAsync) before the elements.");
        }

        if (_ended)
        {
            return new ValueTask<StreamItem>(default(StreamItem));
        }

        // Usually the bytes are already there and no async machinery is needed.
        if (_failure is null && _input.TryRead(out ReadResult read))
        {
            if (read.IsCanceled)
            {
                // Through an async method, so that the task is canceled as when ReadAsync reports it.
                _input.AdvanceTo(read.Buffer.Start);
                return TakeAsync(ValueTask.FromException<ParseResult>(PendingReadCanceled()));
            }

            try
            {
                if (Consume(read, out ParseResult parsed))
                {
                    return new ValueTask<StreamItem>(Take(parsed));
                }
            }
            catch (Exception e)
            {
                return ValueTask.FromException<StreamItem>(e);
            }
        }

        ValueTask<ParseResult> next = NextAsync(ct);
        return next.IsCompletedSuccessfully ? new ValueTask<StreamItem>(Take(next.Result)) : TakeAsync(next);
    }

    /// <summary>
    /// Starts a new stream on the same connection (after SASL success, or in tests after STARTTLS): the next read
    /// expects a new header. Bytes already received and not yet returned are kept.
    /// </summary>
    public void Reset()
    {
        _parser.Reset(_offset);
        _headerRead = false;
        _ended = false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<StreamItem> TakeAsync(ValueTask<ParseResult> next) => Take(await next.ConfigureAwait(false));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<XmppElement?> ElementAsync(ValueTask<StreamItem> next) => ElementOf(await next.ConfigureAwait(false));

    private static XmppElement? ElementOf(in StreamItem item) => item.Skipped is null ? item.Element
        : throw new InvalidOperationException("An element was skipped; read with ReadAsync when SkipElementsOverLimits is on.");

    private StreamItem Take(ParseResult result)
    {
        switch (result)
        {
            case ParseResult.StreamEnd:
                _ended = true;
                return default;
            case ParseResult.Skipped:
                return new StreamItem(null, _parser.TakeSkipped());
            default:
                return new StreamItem(_parser.TakeElement(), null);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ParseResult> NextAsync(CancellationToken ct)
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException("The XML stream already failed; open a new connection.", _failure);
        }

        while (true)
        {
            ValueTask<ReadResult> pending = _input.ReadAsync(ct);
            ReadResult read = pending.IsCompleted || !_parser.CanReleaseLearnedState
                ? await pending.ConfigureAwait(false)
                : await WaitIdleAsync(pending).ConfigureAwait(false);
            if (CheckNotCanceled(read) && Consume(read, out ParseResult result))
            {
                return result;
            }
        }
    }

    /// <summary>Waits for a read between stanzas, during which <see cref="ReleaseIfIdle"/> may use the parser.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> WaitIdleAsync(ValueTask<ReadResult> pending)
    {
        _waitingSince = Environment.TickCount64;
        _releasedThisWait = false;
        Volatile.Write(ref _waitState, Waiting);
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            var spinner = new SpinWait();
            while (Interlocked.CompareExchange(ref _waitState, Busy, Waiting) != Waiting)
            {
                spinner.SpinOnce(); // the timer is releasing: that takes microseconds
            }
        }
    }

    /// <summary>
    /// Called by the idle timer (<see cref="IdleReaders"/>) from any thread: if this reader has waited for bytes
    /// between stanzas since at least <see cref="IdleReaders.IdleAfterMilliseconds"/> before <paramref name="now"/>,
    /// its parser gives back what it learned, once per wait. Returns whether it did.
    /// </summary>
    /// <param name="now">The time, as <see cref="Environment.TickCount64"/>.</param>
    internal bool ReleaseIfIdle(long now)
    {
        if (Volatile.Read(ref _waitState) != Waiting || Interlocked.CompareExchange(ref _waitState, Releasing, Waiting) != Waiting)
        {
            return false;
        }

        try
        {
            if (_releasedThisWait || now - _waitingSince < IdleReaders.IdleAfterMilliseconds)
            {
                return false;
            }

            _parser.ReleaseLearnedState();
            _releasedThisWait = true;
            return true;
        }
        finally
        {
            Volatile.Write(ref _waitState, Waiting);
        }
    }

    /// <summary>Returns true, or gives the buffer back and throws if the read was canceled (PipeReader.CancelPendingRead).</summary>
    private bool CheckNotCanceled(in ReadResult read)
    {
        if (read.IsCanceled)
        {
            _input.AdvanceTo(read.Buffer.Start);
            throw PendingReadCanceled();
        }

        return true;
    }

    private static OperationCanceledException PendingReadCanceled() =>
        new("The pending read of the XML stream was canceled (PipeReader.CancelPendingRead).");

    /// <summary>Parses what the read returned and advances the pipe; true when something is complete.</summary>
    private bool Consume(in ReadResult read, out ParseResult result)
    {
        ReadOnlySequence<byte> buffer = read.Buffer;
        SequencePosition consumed;
        try
        {
            result = Parse(buffer, out consumed);
        }
        catch (Exception e)
        {
            _failure = e;
            _input.AdvanceTo(buffer.Start, buffer.End);
            throw;
        }

        if (result != ParseResult.NeedMoreData)
        {
            _input.AdvanceTo(consumed);
            return true;
        }

        _input.AdvanceTo(consumed, buffer.End);
        if (read.IsCompleted)
        {
            string where = _parser.IsInsideMarkup ? (_headerRead ? "inside an element" : "inside the stream header") : "between stanzas";
            _failure = new EndOfStreamException(
                $"The connection ended {where} without the peer closing the XML stream (</stream:stream>), at byte {_offset}.");
            throw _failure;
        }

        return false;
    }

    private ParseResult Parse(in ReadOnlySequence<byte> buffer, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        Span<byte> bridge = stackalloc byte[4];
        while (!reader.End)
        {
            ReadOnlySpan<byte> span = reader.UnreadSpan;
            ParseResult result = _parser.Parse(span, _offset, out int used);
            _offset += used;
            reader.Advance(used);
            if (result == ParseResult.NeedMoreData && used < span.Length)
            {
                // The segment ends inside a UTF-8 sequence: parse that one character from a copy spanning segments.
                int lead = span[used];
                Span<byte> character = bridge[..(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2)];
                if (!reader.TryCopyTo(character))
                {
                    break;
                }

                result = _parser.Parse(character, _offset, out used);
                _offset += used;
                reader.Advance(used);
            }

            if (result != ParseResult.NeedMoreData)
            {
                consumed = reader.Position;
                return result;
            }
        }

        consumed = reader.Position;
        return ParseResult.NeedMoreData;
    }
}
