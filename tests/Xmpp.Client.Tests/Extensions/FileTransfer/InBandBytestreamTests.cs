using Xmpp.Client.Extensions.InBandBytestreams;
using static Xmpp.Client.Tests.Extensions.FileTransfer.IbbScript;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>In-band bytestreams (XEP-0047) on the wire: opening both ways, data in sequence, closing, and bad input.</summary>
public class InBandBytestreamTests
{
    private static readonly byte[] One = [1, 2, 3, 4, 5];
    private static readonly byte[] Two = [6, 7, 8];

    [Fact]
    public async Task An_accepted_stream_delivers_the_data_in_order_and_ends_when_the_peer_closes_it()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var ibb = live.Client.GetExtension<InBandBytestreamsExtension>();
        var accepted = AcceptAll(ibb);

        var opened = await live.SendAndReadAsync(Open("s1", 16));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var first = await live.SendAndReadAsync(Data("s1", 0, One));
        var second = await live.SendAndReadAsync(Data("s1", 1, Two));
        var closed = await live.SendAndReadAsync(Close("s1"));

        Assert.All([opened, first, second, closed], reply => Assert.Equal("result", reply.GetAttribute("type")));
        Assert.Equal(("o1", "d0", "d1", "c1"), (opened.GetAttribute("id"), first.GetAttribute("id"), second.GetAttribute("id"), closed.GetAttribute("id")));
        var all = await ReadToEndAsync(stream);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, all);
        Assert.Equal((Jid.Parse(Peer), "s1", 16), (stream.Peer, stream.Sid, stream.BlockSize));
        Assert.Equal(0, ibb.OpenStreams);
    }

    [Fact]
    public async Task Data_in_messages_is_read_too()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var accepted = AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("m1"));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await live.Server.SendAsync($"<message from='{Peer}' id='x0'><data xmlns='{Ns}' sid='m1' seq='0'>{Convert.ToBase64String(One)}</data></message>");
        await live.Server.SendAsync($"<message from='{Peer}' id='x1'><data xmlns='{Ns}' sid='m1' seq='1'>{Convert.ToBase64String(Two)}</data></message>");
        await live.SendAndReadAsync(Close("m1"));

        var all = await ReadToEndAsync(stream);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, all);
    }

    [Fact]
    public async Task A_stream_nobody_accepts_is_refused_not_acceptable()
    {
        await using var live = await LiveServer.StartAsync(Ibb());

        var reply = await live.SendAndReadAsync(Open("s1"));

        Assert.Equal("not-acceptable", Condition(reply));
    }

    [Fact]
    public async Task A_block_size_over_the_limit_is_refused_resource_constraint_so_the_peer_may_retry_smaller()
    {
        await using var live = await LiveServer.StartAsync(Ibb(new InBandBytestreamOptions { MaxBlockSize = 1024 }));
        var requested = 0;
        live.Client.GetExtension<InBandBytestreamsExtension>().StreamRequested += request =>
        {
            requested++;
            request.Accept();
            return Task.CompletedTask;
        };

        var tooBig = await live.SendAndReadAsync(Open("s1", 2048));
        var fits = await live.SendAndReadAsync(Open("s1", 1024, id: "o2"));

        Assert.Equal("resource-constraint", Condition(tooBig));
        Assert.Equal("modify", tooBig.Element("error", "jabber:client")!.GetAttribute("type"));
        Assert.Equal("result", fits.GetAttribute("type"));
        Assert.Equal(1, requested);
    }

    [Theory]
    [InlineData("<open xmlns='http://jabber.org/protocol/ibb' block-size='4096'/>")]
    [InlineData("<open xmlns='http://jabber.org/protocol/ibb' sid='s' block-size='0'/>")]
    [InlineData("<open xmlns='http://jabber.org/protocol/ibb' sid='s' block-size='70000'/>")]
    [InlineData("<open xmlns='http://jabber.org/protocol/ibb' sid='s'/>")]
    public async Task An_open_without_sid_or_with_a_bad_block_size_is_a_bad_request(string open)
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());

        var reply = await live.SendAndReadAsync($"<iq type='set' id='o1' from='{Peer}'>{open}</iq>");

        Assert.Equal("bad-request", Condition(reply));
    }

    [Fact]
    public async Task Data_from_anyone_but_the_peer_or_for_an_unknown_sid_is_answered_item_not_found_and_changes_nothing()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var accepted = AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("s1"));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        var stranger = await live.SendAndReadAsync(Data("s1", 0, Two, from: "mallory@example.org/x", id: "m0"));
        var otherResource = await live.SendAndReadAsync(Data("s1", 0, Two, from: "romeo@example.net/balcony", id: "m1"));
        var unknown = await live.SendAndReadAsync(Data("nope", 0, Two, id: "m2"));
        var strangerClose = await live.SendAndReadAsync(Close("s1", from: "mallory@example.org/x", id: "m3"));
        await live.SendAndReadAsync(Data("s1", 0, One));
        await live.SendAndReadAsync(Close("s1"));

        Assert.All([stranger, otherResource, unknown, strangerClose], reply => Assert.Equal("item-not-found", Condition(reply)));
        Assert.Equal(One, await ReadToEndAsync(stream));
    }

    [Fact]
    public async Task A_gap_in_the_sequence_closes_the_stream_and_the_reader_gets_what_came_before_then_why()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var accepted = AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("s1"));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await live.SendAndReadAsync(Data("s1", 0, One));

        await live.Server.SendAsync(Data("s1", 2, Two, id: "gap"));
        var iqs = await ReadIqsAsync(live, 2);

        var error = iqs.Single(iq => iq.GetAttribute("type") == "error");
        Assert.Equal(("gap", "unexpected-request"), (error.GetAttribute("id"), Condition(error)));
        var close = iqs.Single(iq => iq.GetAttribute("type") == "set");
        Assert.Equal("s1", close.Element("close", Ns)!.GetAttribute("sid"));
        var read = new byte[16];
        await Assert.ThrowsAsync<InBandBytestreamException>(() => stream.ReadAsync(read).AsTask());
        var late = await live.SendAndReadAsync(Data("s1", 1, Two, id: "late"));
        Assert.Equal("item-not-found", Condition(late));
    }

    [Fact]
    public async Task A_repeated_sequence_number_breaks_the_stream()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var accepted = AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("s1"));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await live.SendAndReadAsync(Data("s1", 0, One));

        await live.Server.SendAsync(Data("s1", 0, One, id: "again"));
        var iqs = await ReadIqsAsync(live, 2);

        Assert.Equal("unexpected-request", Condition(iqs.Single(iq => iq.GetAttribute("type") == "error")));
        Assert.NotNull(iqs.Single(iq => iq.GetAttribute("type") == "set").Element("close", Ns));
        Assert.True(stream.IsClosed);
    }

    [Fact]
    public async Task A_block_larger_than_agreed_is_a_bad_request_and_closes_the_stream()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var accepted = AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("s1", blockSize: 4));
        var stream = await accepted.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        await live.Server.SendAsync(Data("s1", 0, One));
        var iqs = await ReadIqsAsync(live, 2);

        Assert.Equal("bad-request", Condition(iqs.Single(iq => iq.GetAttribute("type") == "error")));
        Assert.NotNull(iqs.Single(iq => iq.GetAttribute("type") == "set").Element("close", Ns));
        await Assert.ThrowsAsync<InBandBytestreamException>(() => stream.ReadAsync(new byte[8]).AsTask());
    }

    [Fact]
    public async Task Data_that_is_not_base64_is_a_bad_request()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        AcceptAll(live.Client.GetExtension<InBandBytestreamsExtension>());
        await live.SendAndReadAsync(Open("s1"));

        await live.Server.SendAsync($"<iq type='set' id='d0' from='{Peer}'><data xmlns='{Ns}' sid='s1' seq='0'>!!not base64**</data></iq>");
        var iqs = await ReadIqsAsync(live, 2);

        Assert.Equal("bad-request", Condition(iqs.Single(iq => iq.GetAttribute("type") == "error")));
    }

    [Fact]
    public async Task Opening_sends_open_then_one_acknowledged_data_packet_per_block_with_rising_seq_then_close()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var ibb = live.Client.GetExtension<InBandBytestreamsExtension>();

        var opening = ibb.OpenAsync(Jid.Parse(Peer), "out1", blockSize: 4);
        var open = await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='{Peer}'/>");
        var stream = await opening.WaitAsync(TimeSpan.FromSeconds(10));
        var progress = new List<long>();
        var sending = stream.SendFromAsync(new MemoryStream([.. One, .. Two, 9]), new Progress(progress));
        var packets = new List<global::Xmpp.Client.Xml.XmppElement>();
        for (var i = 0; i < 3; i++)
        {
            packets.Add(await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='{Peer}'/>"));
        }

        var sent = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        var disposing = stream.DisposeAsync().AsTask();
        var close = await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='{Peer}'/>");
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        var openElement = open.Element("open", Ns)!;
        Assert.Equal(("out1", "4", "iq", Peer), (openElement.GetAttribute("sid"), openElement.GetAttribute("block-size"), openElement.GetAttribute("stanza"), open.GetAttribute("to")));
        Assert.Equal(["0", "1", "2"], packets.Select(p => p.Element("data", Ns)!.GetAttribute("seq")));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, packets.SelectMany(p => Convert.FromBase64String(p.Element("data", Ns)!.Value)));
        Assert.Equal(9, sent);
        Assert.Equal([4L, 8L, 9L], progress);
        Assert.Equal("out1", close.Element("close", Ns)!.GetAttribute("sid"));
        Assert.Equal(0, ibb.OpenStreams);
    }

    [Fact]
    public async Task A_refused_data_packet_breaks_the_sending_stream()
    {
        await using var live = await LiveServer.StartAsync(Ibb());
        var ibb = live.Client.GetExtension<InBandBytestreamsExtension>();
        var opening = ibb.OpenAsync(Jid.Parse(Peer), "out1");
        await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='{Peer}'/>");
        var stream = await opening.WaitAsync(TimeSpan.FromSeconds(10));

        var writing = stream.WriteAsync(One).AsTask();
        await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='{Peer}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        await Assert.ThrowsAsync<InBandBytestreamException>(() => writing.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<InBandBytestreamException>(() => stream.WriteAsync(Two).AsTask());
    }

    [Fact]
    public async Task Streams_go_to_full_jids_only()
    {
        await using var live = await LiveServer.StartAsync(Ibb());

        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.GetExtension<InBandBytestreamsExtension>().OpenAsync(Jid.Parse("romeo@example.net")));
    }

    private sealed class Progress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
