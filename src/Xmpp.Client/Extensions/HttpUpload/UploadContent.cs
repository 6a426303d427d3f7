using System.Buffers;
using System.Net;

namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// The body of a PUT: exactly <c>size</c> bytes read from a stream, with the bytes sent reported after each write. A
/// stream that ends early fails the request (<see cref="EndedEarly"/> says so); bytes past the size are left unread.
/// </summary>
internal sealed class UploadContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream _source;
    private readonly long _size;
    private readonly IProgress<long>? _progress;
    private readonly long? _start;
    private bool _sent;

    public UploadContent(Stream source, long size, IProgress<long>? progress)
    {
        _source = source;
        _size = size;
        _progress = progress;
        _start = source.CanSeek ? source.Position : null;
        Headers.ContentLength = size;
    }

    /// <summary>How many bytes the stream held when it ended before the size announced, or <see langword="null"/>.</summary>
    public long? EndedEarly { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent)
        {
            // The handler sends the body again (a redirect or an authentication challenge): start over if the stream can.
            if (_start is not { } start)
            {
                throw new InvalidOperationException("The upload's stream cannot be sent twice: it cannot seek.");
            }

            _source.Position = start;
        }

        _sent = true;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long sent = 0;
            while (sent < _size)
            {
                var wanted = (int)Math.Min(buffer.Length, _size - sent);
                var read = await _source.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    EndedEarly = sent;
                    throw new EndOfStreamException($"The stream ended after {sent} of the {_size} bytes announced.");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent += read;
                _progress?.Report(sent);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _size;
        return true;
    }
}
