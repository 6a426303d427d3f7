using Xmpp.Client.Extensions.InBandBytestreams;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>The receive buffer of an in-band bytestream: the window that holds back acknowledgements, and its bound.</summary>
public class ReceiveBufferTests
{
    [Fact]
    public async Task Blocks_within_the_window_are_acknowledged_at_once_and_later_ones_once_the_reader_made_room()
    {
        var buffer = new IbbReceiveBuffer(window: 2);

        var first = buffer.Add([1, 2]);
        var second = buffer.Add([3]);
        var third = buffer.Add([4, 5]);

        Assert.True(first!.IsCompleted);
        Assert.True(second!.IsCompleted);
        Assert.False(third!.IsCompleted);

        var read = new byte[2];
        Assert.Equal(2, await buffer.ReadAsync(read, CancellationToken.None));
        Assert.Equal(new byte[] { 1, 2 }, read);
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_sender_that_does_not_wait_is_cut_off_at_twice_the_window()
    {
        var buffer = new IbbReceiveBuffer(window: 2);
        for (var i = 0; i < 4; i++)
        {
            Assert.NotNull(buffer.Add([(byte)i]));
        }

        Assert.Null(buffer.Add([9]));
        var all = new byte[8];
        Assert.Equal(4, await buffer.ReadAsync(all, CancellationToken.None));
    }

    [Fact]
    public async Task The_reader_gets_what_was_buffered_then_the_end_but_a_fault_at_once()
    {
        var ended = new IbbReceiveBuffer(4);
        _ = ended.Add([7, 8, 9]);
        ended.End(null);
        var broken = new IbbReceiveBuffer(4);
        _ = broken.Add([7]);
        broken.End(new InvalidDataException("bad seq"));

        var read = new byte[2];
        Assert.Equal(2, await ended.ReadAsync(read, CancellationToken.None));
        Assert.Equal(1, await ended.ReadAsync(read, CancellationToken.None));
        Assert.Equal(0, await ended.ReadAsync(read, CancellationToken.None));
        await Assert.ThrowsAsync<InBandBytestreamException>(() => broken.ReadAsync(read, CancellationToken.None).AsTask());
        Assert.Null(ended.Add([1]));
    }

    [Fact]
    public async Task A_waiting_read_can_be_cancelled_and_the_buffer_stays_usable()
    {
        var buffer = new IbbReceiveBuffer(4);
        using var cancel = new CancellationTokenSource();

        var waiting = buffer.ReadAsync(new byte[4], cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _ = buffer.Add([5]);
        var read = new byte[4];
        Assert.Equal(1, await buffer.ReadAsync(read, CancellationToken.None));
    }
}
