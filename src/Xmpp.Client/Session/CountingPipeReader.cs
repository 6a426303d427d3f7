using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Xmpp.Client.Session;

/// <summary>
/// A pass-through <see cref="PipeReader"/> that counts the bytes its reader consumes, so the session knows how large
/// each element the XML reader returns was on the wire (for the event queue's byte bound) without the XML layer
/// having to say. One reader at a time, like any <see cref="PipeReader"/>.
/// </summary>
internal sealed class CountingPipeReader(PipeReader inner) : PipeReader
{
    private ReadOnlySequence<byte> _buffer;

    /// <summary>The pipe this one reads from.</summary>
    public PipeReader Inner { get; } = inner;

    /// <summary>How many bytes the reader has consumed so far.</summary>
    public long Consumed { get; private set; }

    public override bool TryRead(out ReadResult result)
    {
        if (!Inner.TryRead(out result))
        {
            return false;
        }

        _buffer = result.Buffer;
        return true;
    }

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var pending = Inner.ReadAsync(cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitReadAsync(pending);
        }

        var result = pending.Result;
        _buffer = result.Buffer;
        return new ValueTask<ReadResult>(result);
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        Consumed += _buffer.Slice(_buffer.Start, consumed).Length;
        _buffer = default;
        Inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => Inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => Inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => Inner.CompleteAsync(exception);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> AwaitReadAsync(ValueTask<ReadResult> pending)
    {
        var result = await pending.ConfigureAwait(false);
        _buffer = result.Buffer;
        return result;
    }
}
