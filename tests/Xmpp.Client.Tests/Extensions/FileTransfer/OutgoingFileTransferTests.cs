using System.Security.Cryptography;
using Xmpp.Client.Extensions.Jingle;
using static Xmpp.Client.Tests.Extensions.FileTransfer.IbbScript;
using static Xmpp.Client.Tests.Extensions.FileTransfer.JingleScript;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>Offering a file over Jingle (XEP-0234 over XEP-0261): the offer, the bytes, the checksum and the outcomes.</summary>
public class OutgoingFileTransferTests
{
    [Fact]
    public async Task An_accepted_offer_sends_the_bytes_over_ibb_then_the_checksum_and_completes_on_success()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var content = RandomNumberGenerator.GetBytes(9000);
        var progress = new List<long>();

        var (transfer, initiate) = await OfferAsync(live, content, new Progress(progress));
        var transport = JingleOf(initiate)!.Element("content", J)!.Element("transport", IbbT)!;
        var file = JingleOf(initiate)!.Element("content", J)!.Element("description", Ft)!.Element("file", Ft)!;
        Assert.Equal(("a.bin", "9000"), (file.Element("name", Ft)!.Value, file.Element("size", Ft)!.Value));
        Assert.Equal("user@example.com/test", JingleOf(initiate)!.GetAttribute("initiator"));

        var sid = JingleOf(initiate)!.GetAttribute("sid")!;
        var transportSid = transport.GetAttribute("sid")!;
        Assert.Equal("result", (await live.SendAndReadAsync(Action("session-accept", sid,
            $"<content creator='initiator' name='a-file-offer'><description xmlns='{Ft}'/><transport xmlns='{IbbT}' sid='{transportSid}' block-size='2048'/></content>"))).GetAttribute("type"));
        var (close, seen) = await AnswerUntilAsync(live, iq => iq.Element("close", Ns) is not null);
        await live.Server.SendAsync(Result(close.GetAttribute("id")!));
        Assert.Equal("result", (await live.SendAndReadAsync(Terminate(sid, "success"))).GetAttribute("type"));
        await transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var open = seen.Single(iq => iq.Element("open", Ns) is not null).Element("open", Ns)!;
        Assert.Equal((transportSid, "2048"), (open.GetAttribute("sid"), open.GetAttribute("block-size")));
        var data = seen.Where(iq => iq.Element("data", Ns) is not null).Select(iq => iq.Element("data", Ns)!).ToList();
        Assert.Equal(content, data.SelectMany(d => Convert.FromBase64String(d.Value)).ToArray());
        Assert.All(data, d => Assert.True(Convert.FromBase64String(d.Value).Length <= 2048));
        var checksum = seen.Select(JingleOf).Single(j => j?.GetAttribute("action") == "session-info")!;
        var hash = checksum.Element("checksum", Ft)!.Element("file", Ft)!.Element("hash", "urn:xmpp:hashes:2")!;
        Assert.Equal(("sha-256", Sha256(content)), (hash.GetAttribute("algo"), hash.Value));
        Assert.True(seen.IndexOf(seen.First(iq => JingleOf(iq) is not null)) < seen.IndexOf(close));
        Assert.Equal(Sha256(content), Convert.ToBase64String(transfer.Hash!.Value.Span));
        Assert.Equal(9000L, progress[^1]);
        Assert.Equal(9000, transfer.BytesTransferred);
    }

    [Theory]
    [InlineData("decline", FileTransferFailure.Declined)]
    [InlineData("cancel", FileTransferFailure.CancelledByPeer)]
    [InlineData("media-error", FileTransferFailure.HashMismatch)]
    [InlineData("failed-transport", FileTransferFailure.TransportFailed)]
    [InlineData("general-error", FileTransferFailure.PeerError)]
    public async Task The_peers_terminate_fails_the_transfer_with_its_reason(string reason, FileTransferFailure failure)
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var (transfer, initiate) = await OfferAsync(live, [1, 2, 3], null);

        await live.SendAndReadAsync(Terminate(JingleOf(initiate)!.GetAttribute("sid")!, reason));

        var error = await Assert.ThrowsAsync<FileTransferException>(() => transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(failure, error.Failure);
        Assert.NotNull(error.PeerReason);
    }

    [Fact]
    public async Task Cancelling_sends_terminate_cancel_and_cancels_the_transfer()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        using var cancel = new CancellationTokenSource();
        var (transfer, initiate) = await OfferAsync(live, [1, 2, 3], null, cancel.Token);

        cancel.Cancel();
        var terminate = await live.AnswerAsync(Result);

        Assert.Equal(("session-terminate", "cancel"), (JingleOf(terminate)!.GetAttribute("action"), ReasonOf(terminate)));
        Assert.Equal(JingleOf(initiate)!.GetAttribute("sid"), JingleOf(terminate)!.GetAttribute("sid"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, live.Client.GetExtension<JingleFileTransferExtension>().ActiveTransfers);
    }

    [Fact]
    public async Task CancelAsync_after_the_accept_stops_sending_and_tells_the_peer()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var (transfer, initiate) = await OfferAsync(live, RandomNumberGenerator.GetBytes(20_000), null);
        var sid = JingleOf(initiate)!.GetAttribute("sid")!;
        var transportSid = JingleOf(initiate)!.Element("content", J)!.Element("transport", IbbT)!.GetAttribute("sid");
        await live.SendAndReadAsync(Action("session-accept", sid, $"<content creator='initiator' name='a-file-offer'><transport xmlns='{IbbT}' sid='{transportSid}' block-size='4096'/></content>"));
        var (firstData, _) = await AnswerUntilAsync(live, iq => iq.Element("data", Ns) is not null);

        var cancelling = transfer.CancelAsync();
        await live.Server.SendAsync(Result(firstData.GetAttribute("id")!));
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");
        await cancelling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("cancel", ReasonOf(terminate));
        Assert.True(transfer.Completion.IsCanceled);
    }

    [Fact]
    public async Task An_offer_refused_with_an_iq_error_throws_refused()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var ft = live.Client.GetExtension<JingleFileTransferExtension>();

        var offering = ft.OfferAsync(Jid.Parse(Peer), new MemoryStream([1]), new FileDescription { Name = "x" });
        await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='{Peer}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        var error = await Assert.ThrowsAsync<FileTransferException>(() => offering.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FileTransferFailure.Refused, error.Failure);
        Assert.Equal(0, ft.ActiveTransfers);
    }

    [Fact]
    public async Task Offers_go_to_full_jids_only_and_need_a_name_and_a_size()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var ft = live.Client.GetExtension<JingleFileTransferExtension>();

        var bare = await Assert.ThrowsAsync<ArgumentException>(() => ft.OfferAsync(Jid.Parse("romeo@example.net"), new MemoryStream([1]), new FileDescription { Name = "x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => ft.OfferAsync(Jid.Parse(Peer), new MemoryStream([1]), new FileDescription()));
        await Assert.ThrowsAsync<ArgumentException>(() => ft.OfferFileAsync(Jid.Parse("romeo@example.net"), "/nonexistent"));

        Assert.Contains("full JID", bare.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_accept_from_someone_else_is_unknown_session_and_a_second_accept_is_out_of_order()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var (_, initiate) = await OfferAsync(live, [1, 2, 3], null);
        var sid = JingleOf(initiate)!.GetAttribute("sid")!;
        var transportSid = JingleOf(initiate)!.Element("content", J)!.Element("transport", IbbT)!.GetAttribute("sid");
        var accept = $"<content creator='initiator' name='a-file-offer'><transport xmlns='{IbbT}' sid='{transportSid}' block-size='4096'/></content>";

        var stranger = await live.SendAndReadAsync(Action("session-accept", sid, accept, from: "mallory@example.org/x"));
        var first = await live.SendAndReadAsync(Action("session-accept", sid, accept, id: "a2"));
        var second = await live.Server.ExpectAsync("iq");
        await live.Server.SendAsync(Action("session-accept", sid, accept, id: "a3"));
        var replies = new[] { second, await live.Server.ExpectAsync("iq") };

        Assert.Equal("unknown-session", JingleErrorOf(stranger));
        Assert.Equal("result", first.GetAttribute("type"));
        Assert.Contains(replies, reply => reply.GetAttribute("id") == "a3" && JingleErrorOf(reply) == "out-of-order");
    }

    /// <summary>Offers <paramref name="content"/> to the peer and acknowledges the session-initiate.</summary>
    private static async Task<(OutgoingFileTransfer Transfer, global::Xmpp.Client.Xml.XmppElement Initiate)> OfferAsync(
        LiveServer live, byte[] content, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var offering = live.Client.GetExtension<JingleFileTransferExtension>()
            .OfferAsync(Jid.Parse(Peer), new MemoryStream(content), new FileDescription { Name = "a.bin" }, progress, cancellationToken);
        var initiate = await live.AnswerAsync(Result);
        Assert.Equal("session-initiate", JingleOf(initiate)!.GetAttribute("action"));
        return (await offering.WaitAsync(TimeSpan.FromSeconds(10)), initiate);
    }

    private sealed class Progress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }
}
