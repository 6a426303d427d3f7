using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>Sequence numbers of received data packets (XEP-0047 §2.2): in order from 0, wrapping after 65535.</summary>
public class SequenceTests
{
    [Fact]
    public async Task Seq_wraps_to_0_after_65535_and_a_wrong_one_after_the_wrap_breaks_the_stream()
    {
        var stream = new InBandStream(new InBandBytestreamsExtension(), Jid.Parse("romeo@example.net/orchard"), "s1", 4096, window: 4);
        var read = new byte[1];
        for (var i = 0; i <= ushort.MaxValue + 1; i++)
        {
            var room = stream.Receive(i & 0xFFFF, [(byte)i], out var broken, out _);
            Assert.True(room is not null, broken);
            Assert.Equal(1, await stream.ReadAsync(read));
        }

        Assert.Null(stream.Receive(0, [1], out var reason, out var condition));
        Assert.Equal(StanzaErrorCondition.UnexpectedRequest, condition);
        Assert.Contains("packet 0 came where 1 was due", reason, StringComparison.Ordinal);
        Assert.Equal(ushort.MaxValue + 2, stream.BytesReceived);
    }
}
