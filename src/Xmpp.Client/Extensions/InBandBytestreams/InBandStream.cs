using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>
/// An open in-band bytestream (XEP-0047) with one peer: bidirectional, as the XEP defines it. Write to send (each
/// block is an IQ set, and the next one waits for the peer's acknowledgement); read what the peer sends (buffered up
/// to <see cref="InBandBytestreamOptions.ReceiveWindow"/> blocks; a full buffer holds back the acknowledgements, so a
/// fast sender waits for a slow reader). Dispose it to close the stream.
/// </summary>
/// <remarks>
/// <para>Only the asynchronous methods work: <see cref="Stream.Read(byte[], int, int)"/> and
/// <see cref="Stream.Write(byte[], int, int)"/> throw <see cref="NotSupportedException"/> (no sync-over-async).
/// <see cref="Stream.CopyToAsync(Stream)"/> and <see cref="SendFromAsync"/> do the obvious.</para>
/// <para>Read outside the client's event handlers: the data reaches the stream through the event task, so a read in a
/// handler (with <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> at 1) would wait for itself; it throws
/// <see cref="InvalidOperationException"/> instead. One reader and one writer at a time.</para>
/// </remarks>
public sealed class InBandStream : Stream
{
    private readonly InBandBytestreamsExtension _owner;
    private readonly IbbReceiveBuffer _received;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private ushort _sendSeq;
    private ushort _receiveSeq;
    private long _sent;
    private long _receivedBytes;
    private int _closed;
    private string? _writeFault;

    internal InBandStream(InBandBytestreamsExtension owner, Jid peer, string sid, int blockSize, int window)
    {
        _owner = owner;
        Peer = peer;
        Sid = sid;
        BlockSize = blockSize;
        _received = new IbbReceiveBuffer(window);
    }

    /// <summary>The peer (the JID the stream was opened with, or by).</summary>
    public Jid Peer { get; }

    /// <summary>The stream's session id.</summary>
    public string Sid { get; }

    /// <summary>The agreed block size in bytes: the most one data packet carries, either way.</summary>
    public int BlockSize { get; }

    /// <summary>Whether the stream is closed (by either side, or broken).</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanWrite => !IsClosed;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException("An in-band bytestream has no length.");

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException("An in-band bytestream cannot seek.");
        set => throw new NotSupportedException("An in-band bytestream cannot seek.");
    }

    /// <summary>Reads what the peer sent, waiting for some; 0 once the peer closed the stream and everything was read.</summary>
    /// <param name="buffer">Where to copy.</param>
    /// <param name="cancellationToken">Stops waiting (the stream stays usable).</param>
    /// <returns>How many bytes were copied.</returns>
    /// <exception cref="InBandBytestreamException">The stream broke (the peer sent data out of sequence or too large, or the session ended).</exception>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _received.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Sends bytes to the peer, in blocks of at most <see cref="BlockSize"/>, each acknowledged before the next.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <param name="cancellationToken">Stops sending; nothing more can be written then (a block may be half-way): dispose the stream.</param>
    /// <returns>Completes when the peer acknowledged every block.</returns>
    /// <exception cref="InBandBytestreamException">The peer refused a block, or the stream is closed.</exception>
    /// <exception cref="XmppTimeoutException">The peer did not acknowledge a block in time.</exception>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!buffer.IsEmpty)
            {
                var block = buffer[..Math.Min(BlockSize, buffer.Length)];
                await SendBlockAsync(block, cancellationToken).ConfigureAwait(false);
                buffer = buffer[block.Length..];
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Sends everything <paramref name="source"/> holds, block by block, reporting the bytes sent so far.</summary>
    /// <param name="source">Read to its end.</param>
    /// <param name="progress">Gets the total of bytes acknowledged after each block.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    /// <returns>How many bytes were sent.</returns>
    /// <exception cref="InBandBytestreamException">The peer refused a block, or the stream is closed.</exception>
    public async Task<long> SendFromAsync(Stream source, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new byte[BlockSize];
        long total = 0;
        while (true)
        {
            var read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return total;
            }

            await WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
            progress?.Report(total);
        }
    }

    /// <summary>How many bytes were sent and acknowledged.</summary>
    public long BytesSent => Interlocked.Read(ref _sent);

    /// <summary>How many bytes were received (read or buffered).</summary>
    public long BytesReceived => Interlocked.Read(ref _receivedBytes);

    /// <summary>Closes the stream: tells the peer (XEP-0047 §2.3) unless it closed it, and ends reading.</summary>
    /// <returns>Completes when the peer acknowledged the close or refused it.</returns>
    public override async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the stream like <see cref="DisposeAsync"/>, waiting for the peer's acknowledgement at most until <paramref name="cancellationToken"/> is cancelled.</summary>
    internal async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _received.End(null);
        _owner.Forget(this);
        await _owner.SendCloseAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        // Every write is sent at once: nothing to flush.
    }

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Read an in-band bytestream with ReadAsync.");

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Write to an in-band bytestream with WriteAsync.");

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An in-band bytestream cannot seek.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("An in-band bytestream has no length.");

    /// <summary>Closes without telling the peer (when it cannot be told, or must not be waited for).</summary>
    /// <param name="disposing">Whether called from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _received.End(null);
            _owner.Forget(this);
            _owner.CloseInBackground(this);
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Takes a received data packet: checks its sequence number and size, then buffers it. Returns the task the
    /// acknowledgement waits for, or the reason the stream broke (then it is closed).
    /// </summary>
    internal Task? Receive(int seq, byte[] block, out string? broken, out StanzaErrorCondition condition)
    {
        broken = null;
        condition = StanzaErrorCondition.UnexpectedRequest;
        if (IsClosed)
        {
            broken = "the stream is closed";
            condition = StanzaErrorCondition.ItemNotFound;
            return null;
        }

        if (seq != _receiveSeq)
        {
            broken = $"data packet {seq} came where {_receiveSeq} was due";
            return null;
        }

        if (block.Length > BlockSize)
        {
            broken = $"a data packet of {block.Length} bytes is larger than the agreed {BlockSize}";
            condition = StanzaErrorCondition.BadRequest;
            return null;
        }

        _receiveSeq = unchecked((ushort)(_receiveSeq + 1));
        var room = _received.Add(block);
        if (room is null)
        {
            broken = "the peer sent more than the receive window without waiting for acknowledgements";
            condition = StanzaErrorCondition.ResourceConstraint;
            return null;
        }

        Interlocked.Add(ref _receivedBytes, block.Length);
        return room;
    }

    /// <summary>The peer closed the stream: the reader gets the rest, then the end.</summary>
    internal void ClosedByPeer()
    {
        Interlocked.Exchange(ref _closed, 1);
        _received.End(null);
    }

    /// <summary>The stream broke: readers get the reason.</summary>
    internal void Break(string reason)
    {
        Interlocked.Exchange(ref _closed, 1);
        _received.End(new InBandBytestreamException($"The in-band bytestream {Sid} with {Peer} broke: {reason}."));
    }

    private async Task SendBlockAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        if (IsClosed || _writeFault is not null)
        {
            throw new InBandBytestreamException($"The in-band bytestream {Sid} with {Peer} is {(IsClosed ? "closed" : "broken for writing: " + _writeFault)}.");
        }

        var request = new Iq(IqType.Set, IbbXml.DataElement(Sid, _sendSeq, block.Span)) { To = Peer };
        try
        {
            await _owner.Owner.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error)
        {
            Break($"the peer refused data packet {_sendSeq}: {error.Error}");
            _owner.Forget(this);
            throw new InBandBytestreamException($"The peer {Peer} refused data of the in-band bytestream {Sid}: {error.Error}.", error);
        }
        catch (Exception error) when (error is OperationCanceledException or XmppTimeoutException or XmppConnectionLostException or InvalidOperationException)
        {
            // A block may be half-way: nothing more can be written, but the stream stays open until it is disposed,
            // so a protocol on top (Jingle) can tell the peer why before the stream closes.
            _writeFault = error is OperationCanceledException ? "sending was cancelled half-way" : $"sending failed: {error.Message}";
            throw;
        }

        _sendSeq = unchecked((ushort)(_sendSeq + 1));
        Interlocked.Add(ref _sent, block.Length);
    }
}
