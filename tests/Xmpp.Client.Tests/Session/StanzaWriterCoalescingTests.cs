using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Net;
using Xmpp.Client.Session;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Session;

/// <summary>
/// Stanzas written while other writers wait go out together (one flush, so one TLS record and one send), a writer
/// alone still flushes at once, and no stanza's bytes are left in the pipe.
/// </summary>
public sealed class StanzaWriterCoalescingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stanzas_queued_behind_a_write_in_flight_go_out_in_one_send_and_in_order()
    {
        var wire = new GatedWire();
        var writer = Writer(wire, out _);

        var first = writer.WriteStanzaAsync(Message(0), CancellationToken.None).AsTask();
        await wire.FirstWriteEntered.Task.WaitAsync(Wait);
        var queued = Enumerable.Range(1, 20).Select(i => writer.WriteStanzaAsync(Message(i), CancellationToken.None).AsTask()).ToArray();
        wire.Open();
        var outcomes = await Task.WhenAll(queued.Prepend(first)).WaitAsync(Wait);

        Assert.All(outcomes, outcome => Assert.Equal(WriteOutcome.Written, outcome));
        Assert.Equal(2, wire.Writes);
        var text = wire.Text;
        var positions = Enumerable.Range(0, 21).Select(i => text.IndexOf($">{i}<", StringComparison.Ordinal)).ToArray();
        Assert.All(positions, position => Assert.True(position >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task A_writer_alone_is_flushed_before_its_call_returns()
    {
        var wire = new GatedWire();
        wire.Open();
        var writer = Writer(wire, out _);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(WriteOutcome.Written, await writer.WriteStanzaAsync(Message(i), CancellationToken.None));
            Assert.Equal(i + 1, wire.Writes);
        }
    }

    [Fact]
    public async Task Every_stanza_reported_written_is_on_the_wire_when_waiting_writers_give_up()
    {
        var wire = new GatedWire();
        wire.Open();
        var writer = Writer(wire, out _);
        var random = new Random(7);
        var calls = new List<(int Number, Task<WriteOutcome> Outcome)>();

        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                var number = (round * 100) + i;
                var token = random.Next(3) == 0 ? GiveUpSoon(random) : CancellationToken.None;
                calls.Add((number, writer.WriteStanzaAsync(Message(number), token).AsTask()));
            }

            await Task.Yield();
        }

        await Task.WhenAll(calls.Select(call => call.Outcome.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Wait);
        var text = wire.Text;
        var written = calls.Where(call => call.Outcome.Status == TaskStatus.RanToCompletion).ToArray();
        Assert.NotEmpty(written);
        Assert.All(written, call =>
        {
            Assert.Equal(WriteOutcome.Written, call.Outcome.Result);
            Assert.Contains($">{call.Number}<", text, StringComparison.Ordinal);
        });
        Assert.All(calls.Where(call => call.Outcome.Status != TaskStatus.RanToCompletion),
            call => Assert.DoesNotContain($">{call.Number}<", text, StringComparison.Ordinal));
    }

    private static CancellationToken GiveUpSoon(Random random)
    {
        var source = new CancellationTokenSource();
        source.CancelAfter(random.Next(0, 3));
        return source.Token;
    }

    private static StanzaWriter Writer(GatedWire wire, out XmppStream stream)
    {
        stream = new XmppStream(new XmppTransport(wire, "in-memory"), new XmlStreamReaderOptions(), NullLogger.Instance);
        return new StanzaWriter(stream, CancellationToken.None);
    }

    private static XmppElement Message(int number) =>
        new XmppElement("message", "jabber:client").Add(new XmppElement("body", "jabber:client").AddText(number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A connection that holds its first write until opened, and counts the writes (sends) it gets.</summary>
    private sealed class GatedWire : Stream
    {
        private readonly MemoryStream _written = new();
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;

        public TaskCompletionSource FirstWriteEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Writes => Volatile.Read(ref _writes);

        public string Text
        {
            get
            {
                lock (_written)
                {
                    return Encoding.UTF8.GetString(_written.ToArray());
                }
            }
        }

        public void Open() => _open.TrySetResult();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            FirstWriteEntered.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            lock (_written)
            {
                _written.Write(buffer.Span);
            }

            Interlocked.Increment(ref _writes);
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
