using System.Security.Cryptography;
using Xmpp.Client;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.HttpUpload;
using Xmpp.Client.Extensions.Jingle;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Stanzas;

namespace PackageTests;

/// <summary>
/// Files as a new user sends them from the README, against the packed package and a real Prosody: over HTTP upload
/// (the receiver downloads the link it got) and directly (Jingle over in-band bytestreams, hash checked).
/// </summary>
public sealed class FilesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_file_sent_over_http_upload_is_downloaded_by_the_receiver_byte_for_byte()
    {
        var server = TestServer.Prosody;
        var bytes = RandomNumberGenerator.GetBytes(150_000);
        var path = Path.Combine(Path.GetTempPath(), $"pkg-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            await using var alice = new XmppClient(server.Options("alice"));
            await using var bob = new XmppClient(server.Options("bob") with { Resource = "files" });
            var link = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            bob.MessageReceived += message =>
            {
                foreach (var file in message.GetOutOfBandData())
                {
                    link.TrySetResult(file.Url);
                }

                return Task.CompletedTask;
            };
            await alice.ConnectAsync();
            await bob.ConnectAsync();

            var progress = new List<long>();
            var url = await alice.HttpUpload.SendFileAsync(bob.BoundJid!.Value, path, "application/octet-stream",
                new SynchronousProgress(progress.Add));

            Assert.Equal(url, await link.Task.WaitAsync(Wait));
            Assert.Equal(bytes.Length, progress[^1]);
            using var http = new HttpClient();
            Assert.Equal(bytes, await http.GetByteArrayAsync(url));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_file_sent_directly_arrives_with_its_hash_checked()
    {
        var server = TestServer.Prosody;
        var withFiles = XmppExtensionSet.Default.Add<JingleFileTransferExtension>();
        await using var alice = new XmppClient(server.Options("alice") with { Resource = "sender", Extensions = withFiles });
        await using var bob = new XmppClient(server.Options("bob") with { Resource = "receiver", Extensions = withFiles });
        var received = new MemoryStream();
        var arrived = new TaskCompletionSource<IncomingFileTransfer>(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.GetExtension<JingleFileTransferExtension>().FileOffered += async offer =>
        {
            Assert.Equal("notes.txt", offer.File.Name);
            arrived.TrySetResult(await offer.AcceptAsync(received));
        };
        await alice.ConnectAsync();
        await bob.ConnectAsync();

        var bytes = RandomNumberGenerator.GetBytes(60_000);
        var transfer = await alice.GetExtension<JingleFileTransferExtension>().OfferAsync(bob.BoundJid!.Value, new MemoryStream(bytes),
            new FileDescription { Name = "notes.txt", Size = bytes.Length, MediaType = "text/plain" });
        await transfer.Completion.WaitAsync(Wait);

        var incoming = await arrived.Task.WaitAsync(Wait);
        await incoming.Completion.WaitAsync(Wait);
        Assert.True(incoming.HashVerified);
        Assert.Equal(bytes, received.ToArray());
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
