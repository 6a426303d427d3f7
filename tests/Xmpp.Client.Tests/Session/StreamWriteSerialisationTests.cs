using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Session;

/// <summary>
/// The stream's writes never overlap: the read loop sends a stream error (bad XML from the server) while a stanza is
/// being written, and the pipe writer under both is not thread-safe (a concurrent flush once threw
/// ArgumentNullException out of SendAsync).
/// </summary>
public sealed class StreamWriteSerialisationTests
{
    [Fact]
    public async Task A_stream_error_sent_while_a_stanza_is_written_waits_for_that_write()
    {
        var wire = new SlowWire();
        var stream = new XmppStream(new XmppTransport(wire, "in-memory"), new XmlStreamReaderOptions(), NullLogger.Instance);

        var writing = stream.WriteAsync(new XmppElement("message", "jabber:client"), CancellationToken.None).AsTask();
        await wire.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var failing = stream.FailAsync(StreamErrorCondition.NotWellFormed, CancellationToken.None).AsTask();
        await Task.WhenAll(writing, failing).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(wire.Overlapped);
        Assert.Contains("not-well-formed", wire.Written, StringComparison.Ordinal);
        Assert.StartsWith("<message", wire.Written, StringComparison.Ordinal);
    }

    /// <summary>A connection whose writes take a while and that notices when two overlap.</summary>
    private sealed class SlowWire : Stream
    {
        private readonly MemoryStream _written = new();
        private int _inside;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Overlapped { get; private set; }

        public string Written
        {
            get
            {
                lock (_written)
                {
                    return System.Text.Encoding.UTF8.GetString(_written.ToArray());
                }
            }
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _inside) > 1)
            {
                Overlapped = true;
            }

            Entered.TrySetResult();
            await Task.Delay(100, cancellationToken);
            lock (_written)
            {
                _written.Write(buffer.Span);
            }

            Interlocked.Decrement(ref _inside);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
