using System.Security.Cryptography;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Hashes;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>
/// Direct file transfer (XEP-0234 over XEP-0261 in-band bytestreams) between alice and bob, both running this client,
/// through Prosody: the IQs go from full JID to full JID, without a presence subscription.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FileTransferTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private Task<XmppClient> ConnectAsync(string user) =>
        ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, fixture.Servers.Named("prosody"), user) with
        {
            Extensions = XmppExtensionSet.Default.Add<JingleFileTransferExtension>(),
        });

    [Fact]
    public async Task A_200_KB_file_arrives_whole_and_matches_its_hash()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var content = RandomNumberGenerator.GetBytes(200 * 1024);
        var received = new MemoryStream();
        var atBob = new TaskCompletionSource<IncomingFileTransfer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var offered = new TaskCompletionSource<IncomingFileOffer>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.GetExtension<JingleFileTransferExtension>().FileOffered += async offer =>
        {
            offered.TrySetResult(offer);
            atBob.TrySetResult(await offer.AcceptAsync(received));
        };

        var sending = await alice.GetExtension<JingleFileTransferExtension>().OfferAsync(
            bob.BoundJid!.Value, new MemoryStream(content), new FileDescription { Name = "random.bin", MediaType = "application/octet-stream", Description = "200 KB" });
        var receiving = await atBob.Task.WaitAsync(Wait);
        await sending.Completion.WaitAsync(Wait);
        await receiving.Completion.WaitAsync(Wait);

        var offer = await offered.Task;
        Assert.Equal(("random.bin", 200L * 1024, "200 KB"), (offer.File.Name, offer.File.Size, offer.File.Description));
        Assert.Equal(alice.BoundJid, offer.Sender);
        Assert.Equal(content, received.ToArray());
        Assert.True(receiving.HashVerified);
        var expected = new ContentHash(HashAlgorithms.Sha256, SHA256.HashData(content));
        Assert.True(expected.Matches(sending.Hash!));
        Assert.True(expected.Matches(receiving.Hash!));
    }

    [Fact]
    public async Task A_file_offered_from_a_path_is_written_only_to_the_path_the_receiver_chose()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var directory = Directory.CreateTempSubdirectory("jingle-");
        try
        {
            var source = Path.Combine(directory.FullName, "source.dat");
            var target = Path.Combine(directory.FullName, "chosen-by-bob.dat");
            var content = RandomNumberGenerator.GetBytes(50_000);
            await File.WriteAllBytesAsync(source, content);
            var atBob = new TaskCompletionSource<IncomingFileTransfer>(TaskCreationOptions.RunContinuationsAsynchronously);
            bob.GetExtension<JingleFileTransferExtension>().FileOffered += async offer => atBob.TrySetResult(await offer.AcceptAsync(target));

            var sending = await alice.GetExtension<JingleFileTransferExtension>().OfferFileAsync(bob.BoundJid!.Value, source);
            var receiving = await atBob.Task.WaitAsync(Wait);
            await sending.Completion.WaitAsync(Wait);
            await receiving.Completion.WaitAsync(Wait);

            Assert.Equal(content, await File.ReadAllBytesAsync(target));
            Assert.Equal(["chosen-by-bob.dat", "source.dat"], directory.GetFiles().Select(f => f.Name).Order());
            Assert.Equal("source.dat", receiving.File.Name);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_declined_offer_fails_at_the_sender_as_declined()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        bob.GetExtension<JingleFileTransferExtension>().FileOffered += offer => offer.DeclineAsync();

        var sending = await alice.GetExtension<JingleFileTransferExtension>().OfferAsync(
            bob.BoundJid!.Value, new MemoryStream(new byte[1000]), new FileDescription { Name = "unwanted.bin" });

        var failure = await Assert.ThrowsAsync<FileTransferException>(() => sending.Completion.WaitAsync(Wait));
        Assert.Equal(FileTransferFailure.Declined, failure.Failure);
        Assert.Equal(JingleReason.Decline, failure.PeerReason);
    }

    [Fact]
    public async Task Cancelling_half_way_cancels_the_sender_and_fails_the_receiver_as_cancelled_by_peer()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ConnectAsync("bob");
        var atBob = new TaskCompletionSource<IncomingFileTransfer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var halfWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.GetExtension<JingleFileTransferExtension>().FileOffered += async offer => atBob.TrySetResult(await offer.AcceptAsync(
            new MemoryStream(), new Progress(bytes => { if (bytes >= 64 * 1024) { halfWay.TrySetResult(); } })));
        using var cancel = new CancellationTokenSource();

        var sending = await alice.GetExtension<JingleFileTransferExtension>().OfferAsync(
            bob.BoundJid!.Value, new MemoryStream(RandomNumberGenerator.GetBytes(1024 * 1024)), new FileDescription { Name = "big.bin" },
            cancellationToken: cancel.Token);
        var receiving = await atBob.Task.WaitAsync(Wait);
        await halfWay.Task.WaitAsync(Wait);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.Completion.WaitAsync(Wait));
        var failure = await Assert.ThrowsAsync<FileTransferException>(() => receiving.Completion.WaitAsync(Wait));
        Assert.Equal(FileTransferFailure.CancelledByPeer, failure.Failure);
        Assert.True(receiving.BytesTransferred < 1024 * 1024);
    }

    [Fact]
    public async Task An_offer_to_a_client_without_file_transfer_is_refused()
    {
        await using var alice = await ConnectAsync("alice");
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, fixture.Servers.Named("prosody"), "bob"));

        var failure = await Assert.ThrowsAsync<FileTransferException>(() => alice.GetExtension<JingleFileTransferExtension>().OfferAsync(
            bob.BoundJid!.Value, new MemoryStream(new byte[10]), new FileDescription { Name = "x.bin" }));

        Assert.Equal(FileTransferFailure.Refused, failure.Failure);
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
