using System.IO.Pipelines;
using System.Net.Security;

namespace Xmpp.Client.Net;

/// <summary>
/// A byte stream to the server (a TCP socket, or an in-memory stream in tests) seen as a pair of pipes, which can be
/// upgraded to TLS in place (STARTTLS) or start with TLS (direct TLS).
/// </summary>
/// <remarks>
/// Not thread-safe for <see cref="UpgradeToTlsAsync"/>: the caller must not be reading or writing while the upgrade
/// runs. STARTTLS guarantees that: the server sends nothing after <c>&lt;proceed/&gt;</c> until the handshake, so the
/// read-ahead of the plain-text pipe holds no byte that belongs to TLS.
/// </remarks>
internal sealed class XmppTransport : IAsyncDisposable
{
    // Zero-byte reads: while nothing arrives, the pipe holds no buffer and SslStream gives its own back, so an idle
    // connection costs no read buffer (16 KB + TLS's), only when bytes are there is one rented from the pool.
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4096, leaveOpen: true, useZeroByteReads: true);
    private static readonly StreamPipeWriterOptions WriterOptions = new(minimumBufferSize: 4096, leaveOpen: true);

    private readonly Stream _plain;
    private SslStream? _tls;
    private int _disposed;

    /// <summary>Wraps a connected stream.</summary>
    /// <param name="stream">The connected stream; owned (disposed) by the transport.</param>
    /// <param name="remote">A description of the peer for logs and errors, such as <c>127.0.0.1:5222</c>.</param>
    public XmppTransport(Stream stream, string remote)
    {
        _plain = stream;
        Remote = remote;
        Input = PipeReader.Create(stream, ReaderOptions);
        Output = PipeWriter.Create(stream, WriterOptions);
    }

    /// <summary>Reads what the server sends.</summary>
    public PipeReader Input { get; private set; }

    /// <summary>Writes to the server; flush to send.</summary>
    public PipeWriter Output { get; private set; }

    /// <summary>Who the transport is connected to.</summary>
    public string Remote { get; }

    /// <summary>The TLS session, once established.</summary>
    public SslStream? Tls => _tls;

    /// <summary>Whether the stream is encrypted.</summary>
    public bool IsEncrypted => _tls is not null;

    /// <summary>Runs the TLS handshake over the current stream and switches the pipes to the encrypted stream.</summary>
    /// <exception cref="XmppTlsException">The handshake failed or the certificate was rejected.</exception>
    public async Task UpgradeToTlsAsync(TlsClientSettings settings, CancellationToken cancellationToken)
    {
        if (_tls is not null)
        {
            throw new InvalidOperationException("The transport is already encrypted.");
        }

        await Output.CompleteAsync().ConfigureAwait(false);
        await Input.CompleteAsync().ConfigureAwait(false);
        var tls = new SslStream(_plain, leaveInnerStreamOpen: true);
        try
        {
            await tls.AuthenticateAsClientAsync(settings.AuthenticationOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw settings.DescribeFailure(error);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _tls = tls;
        Input = PipeReader.Create(tls, ReaderOptions);
        Output = PipeWriter.Create(tls, WriterOptions);
    }

    /// <summary>Closes the pipes and the underlying stream (and socket).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Input.CompleteAsync().ConfigureAwait(false);

        // The streams close first: completing the writer writes out whatever it still buffers (the rest of a write
        // that was canceled), and on a peer that reads nothing that would wait forever. A polite close has already
        // flushed its </stream:stream>, so nothing that could still be delivered is lost.
        if (_tls is not null)
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }

        await _plain.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            // The stream is closed: what was still buffered cannot be delivered.
        }
    }
}
