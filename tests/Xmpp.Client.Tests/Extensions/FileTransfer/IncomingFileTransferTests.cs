using System.Security.Cryptography;
using Xmpp.Client.Extensions.Jingle;
using static Xmpp.Client.Tests.Extensions.FileTransfer.IbbScript;
using static Xmpp.Client.Tests.Extensions.FileTransfer.JingleScript;

namespace Xmpp.Client.Tests.Extensions.FileTransfer;

/// <summary>Receiving a file over Jingle (XEP-0234 over XEP-0261): accepting, verifying the hash, declining, refusing.</summary>
public class IncomingFileTransferTests
{
    [Fact]
    public async Task An_accepted_offer_receives_the_bytes_checks_the_offered_hash_and_ends_with_success()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var content = RandomNumberGenerator.GetBytes(10_000);
        var destination = new MemoryStream();
        var (offer, accepted) = AcceptInto(live, destination);

        var (transfer, _) = await ReceiveAsync(live, "s1", content, Sha256(content), offer, accepted);
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");
        await live.Server.SendAsync(Result(terminate.GetAttribute("id")!));
        await transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var seen = await offer.Task;
        Assert.Equal(("../../etc/passwd", 10_000L, "application/octet-stream", "A test"), (seen.File.Name, seen.File.Size, seen.File.MediaType, seen.File.Description));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), seen.File.Date);
        Assert.Equal(Jid.Parse(Peer), seen.Sender);
        Assert.Equal("success", ReasonOf(terminate));
        Assert.Equal(content, destination.ToArray());
        Assert.True(transfer.HashVerified);
        Assert.Equal(10_000, transfer.BytesTransferred);
    }

    [Fact]
    public async Task Without_a_hash_in_the_offer_the_checksum_at_the_end_is_checked()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var content = RandomNumberGenerator.GetBytes(5000);
        var destination = new MemoryStream();
        var (offer, accepted) = AcceptInto(live, destination);

        var (transfer, _) = await ReceiveAsync(live, "s1", content, null, offer, accepted,
            beforeClose: $"<checksum xmlns='{Ft}' creator='initiator' name='a-file-offer'><file><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>{Sha256(content)}</hash></file></checksum>");
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");
        await live.Server.SendAsync(Result(terminate.GetAttribute("id")!));
        await transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("success", ReasonOf(terminate));
        Assert.True(transfer.HashVerified);
        Assert.Equal(content, destination.ToArray());
    }

    [Fact]
    public async Task Bytes_that_do_not_match_the_hash_end_the_session_with_media_error_and_fail_the_transfer()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var content = RandomNumberGenerator.GetBytes(3000);
        var (offer, accepted) = AcceptInto(live, new MemoryStream());

        var (transfer, _) = await ReceiveAsync(live, "s1", content, Sha256([.. Enumerable.Reverse(content)]), offer, accepted);
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");
        await live.Server.SendAsync(Result(terminate.GetAttribute("id")!));

        var failure = await Assert.ThrowsAsync<FileTransferException>(() => transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FileTransferFailure.HashMismatch, failure.Failure);
        Assert.Null(failure.PeerReason);
        Assert.Equal("media-error", ReasonOf(terminate));
    }

    [Fact]
    public async Task More_bytes_than_offered_end_the_session_with_media_error()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var (offer, accepted) = AcceptInto(live, new MemoryStream());
        var content = RandomNumberGenerator.GetBytes(3000);

        var (transfer, _) = await ReceiveAsync(live, "s1", content, null, offer, accepted, offeredSize: 2000);
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");

        var failure = await Assert.ThrowsAsync<FileTransferException>(() => transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(FileTransferFailure.SizeMismatch, failure.Failure);
        Assert.Equal("media-error", ReasonOf(terminate));
    }

    [Fact]
    public async Task A_declined_offer_ends_with_decline()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += offer => offer.DeclineAsync();

        await live.Server.SendAsync(Initiate("s1", 10, null));
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");

        Assert.Equal(("decline", Peer), (ReasonOf(terminate), terminate.GetAttribute("to")));
    }

    [Fact]
    public async Task Offers_are_declined_without_a_handler_and_when_larger_than_the_limit_without_asking_the_application()
    {
        await using var noHandler = await LiveServer.StartAsync(Jingle());
        await using var limited = await LiveServer.StartAsync(Jingle(new JingleFileTransferOptions { MaxFileSize = 100 }));
        var asked = 0;
        limited.Client.GetExtension<JingleFileTransferExtension>().FileOffered += _ =>
        {
            asked++;
            return Task.CompletedTask;
        };

        await noHandler.Server.SendAsync(Initiate("s1", 10, null));
        await limited.Server.SendAsync(Initiate("s2", 101, null));
        var (first, _) = await AnswerUntilAsync(noHandler, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");
        var (second, _) = await AnswerUntilAsync(limited, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");

        Assert.Equal("decline", ReasonOf(first));
        Assert.Equal("decline", ReasonOf(second));
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task An_offer_over_another_transport_is_ended_with_unsupported_transports()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += offer => offer.AcceptAsync(new MemoryStream());

        await live.Server.SendAsync(Initiate("s1", 10, null, transport: "<transport xmlns='urn:xmpp:jingle:transports:s5b:1' sid='x'/>"));
        var (terminate, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-terminate");

        Assert.Equal("unsupported-transports", ReasonOf(terminate));
    }

    [Fact]
    public async Task Actions_for_an_unknown_session_or_from_a_stranger_are_answered_unknown_session()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += _ => Task.CompletedTask;
        await live.SendAndReadAsync(Initiate("s1", 10, null));

        var unknown = await live.SendAndReadAsync(Terminate("nope", "cancel"));
        var stranger = await live.SendAndReadAsync(Terminate("s1", "cancel", from: "mallory@example.org/x", id: "t2"));
        var otherResource = await live.SendAndReadAsync(Action("session-info", "s1", from: "romeo@example.net/balcony", id: "i1"));

        Assert.All([unknown, stranger, otherResource], reply =>
        {
            Assert.Equal("item-not-found", Condition(reply));
            Assert.Equal("unknown-session", JingleErrorOf(reply));
        });
        Assert.Equal(1, live.Client.GetExtension<JingleFileTransferExtension>().ActiveTransfers);
    }

    [Fact]
    public async Task An_offer_from_a_bare_jid_is_a_bad_request_and_too_many_sessions_are_refused()
    {
        await using var live = await LiveServer.StartAsync(Jingle(new JingleFileTransferOptions { MaxSessions = 1 }));
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += _ => Task.CompletedTask;

        var bare = await live.SendAndReadAsync(Initiate("s0", 10, null, from: "romeo@example.net"));
        var first = await live.SendAndReadAsync(Initiate("s1", 10, null));
        var second = await live.SendAndReadAsync(Initiate("s2", 10, null, id: "j2"));

        Assert.Equal("bad-request", Condition(bare));
        Assert.Equal("result", first.GetAttribute("type"));
        Assert.Equal("resource-constraint", Condition(second));
    }

    [Fact]
    public async Task A_cancel_from_the_sender_before_the_answer_makes_accepting_fail()
    {
        await using var live = await LiveServer.StartAsync(Jingle());
        var offers = new TaskCompletionSource<IncomingFileOffer>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += offer =>
        {
            offers.TrySetResult(offer);
            return Task.CompletedTask;
        };
        await live.SendAndReadAsync(Initiate("s1", 10, null));
        var offer = await offers.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var cancelled = await live.SendAndReadAsync(Terminate("s1", "cancel"));

        Assert.Equal("result", cancelled.GetAttribute("type"));
        var failure = await Assert.ThrowsAsync<FileTransferException>(() => offer.AcceptAsync(new MemoryStream()));
        Assert.Equal(FileTransferFailure.CancelledByPeer, failure.Failure);
    }

    private static (TaskCompletionSource<IncomingFileOffer> Offer, TaskCompletionSource<IncomingFileTransfer> Accepted) AcceptInto(LiveServer live, Stream destination)
    {
        var offer = new TaskCompletionSource<IncomingFileOffer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = new TaskCompletionSource<IncomingFileTransfer>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Client.GetExtension<JingleFileTransferExtension>().FileOffered += async incoming =>
        {
            offer.TrySetResult(incoming);
            accepted.TrySetResult(await incoming.AcceptAsync(destination));
        };
        return (offer, accepted);
    }

    /// <summary>Offers <paramref name="content"/> as the peer and sends it over IBB once accepted, up to the close.</summary>
    private static async Task<(IncomingFileTransfer Transfer, string TransportSid)> ReceiveAsync(
        LiveServer live, string sid, byte[] content, string? hash, TaskCompletionSource<IncomingFileOffer> offer,
        TaskCompletionSource<IncomingFileTransfer> accepted, string? beforeClose = null, long? offeredSize = null)
    {
        await live.Server.SendAsync(Initiate(sid, offeredSize ?? content.Length, hash));
        var (accept, _) = await AnswerUntilAsync(live, iq => JingleOf(iq)?.GetAttribute("action") == "session-accept");
        await live.Server.SendAsync(Result(accept.GetAttribute("id")!));
        var transportSid = JingleOf(accept)!.Element("content", J)!.Element("transport", IbbT)!.GetAttribute("sid")!;
        Assert.Equal("ibb-" + sid, transportSid);
        Assert.Equal("user@example.com/test", JingleOf(accept)!.GetAttribute("responder"));
        await AnswerUntilAsync(live, iq => iq.GetAttribute("id") == "j1");
        var transfer = await accepted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await offer.Task;

        Assert.Equal("result", (await live.SendAndReadAsync(Open(transportSid))).GetAttribute("type"));
        var seq = 0;
        foreach (var block in content.Chunk(4096))
        {
            var reply = await live.SendAndReadAsync(Data(transportSid, seq, block, id: $"d{seq}"));
            if (reply.GetAttribute("type") != "result")
            {
                return (transfer, transportSid);
            }

            seq++;
        }

        if (beforeClose is not null)
        {
            Assert.Equal("result", (await live.SendAndReadAsync(Action("session-info", sid, beforeClose, id: "i1"))).GetAttribute("type"));
        }

        await live.Server.SendAsync(Close(transportSid));
        return (transfer, transportSid);
    }
}
