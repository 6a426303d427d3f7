using System.Globalization;
using System.Security.Cryptography;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.InBandBytestreams;
using Xmpp.Client.IntegrationTests.Samples;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Interop;

/// <summary>
/// In-band bytestreams (XEP-0047) with slixmpp's xep_0047 plugin (tests/interop/slix_ibb_peer.py) through Prosody:
/// 200 KB each way, the bytes compared by length and SHA-256.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IbbInteropTests(ServersFixture fixture)
{
    private const int Size = 200 * 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private XmppTestServer Prosody => fixture.Servers.Named("prosody");

    private Task<XmppClient> ConnectAsync() =>
        ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, Prosody, "alice") with
        {
            Extensions = XmppExtensionSet.Default.Add<InBandBytestreamsExtension>(),
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stream_slixmpp_sends_arrives_whole(bool inMessages)
    {
        await using var alice = await ConnectAsync();
        var received = new TaskCompletionSource<(byte[] Bytes, InBandStream Stream)>(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.GetExtension<InBandBytestreamsExtension>().StreamRequested += request =>
        {
            var stream = request.Accept();
            _ = Task.Run(async () =>
            {
                try
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    received.TrySetResult((copy.ToArray(), stream));
                }
                catch (Exception error)
                {
                    received.TrySetException(error);
                }
            });
            return Task.CompletedTask;
        };

        string[] mode = ["send", "--to", alice.BoundJid!.Value.ToString(), "--size", Size.ToString(CultureInfo.InvariantCulture), .. inMessages ? ["--messages"] : Array.Empty<string>()];
        await using var peer = SlixPeer.Start(fixture.Servers, Prosody, "carol", mode, "slix_ibb_peer.py");
        Assert.True(await peer.WaitForExitAsync(Wait) == 0, peer.Describe());
        var sent = peer.Lines.Single(l => SlixPeer.IsEvent(l, "sent"));
        var (bytes, stream) = await received.Task.WaitAsync(Wait);

        Assert.Equal(Size, bytes.Length);
        Assert.Equal(SlixPeer.Field(sent, "sha256"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.StartsWith(Prosody.Account("carol").Jid + "/", stream.Peer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_this_client_sends_arrives_whole_at_slixmpp()
    {
        await using var alice = await ConnectAsync();
        await using var peer = SlixPeer.Start(fixture.Servers, Prosody, "carol", ["receive"], "slix_ibb_peer.py");
        var online = await peer.WaitForLineAsync(l => SlixPeer.IsEvent(l, "online"), SampleProcessTests.LoginTimeout, "slixmpp online");
        var content = RandomNumberGenerator.GetBytes(Size);

        var stream = await alice.GetExtension<InBandBytestreamsExtension>().OpenAsync(Jid.Parse(SlixPeer.Field(online, "jid")!));
        await using (stream)
        {
            Assert.Equal(Size, await stream.SendFromAsync(new MemoryStream(content)));
        }

        Assert.True(await peer.WaitForExitAsync(Wait) == 0, peer.Describe());
        var received = peer.Lines.Single(l => SlixPeer.IsEvent(l, "received"));
        Assert.Equal(Size.ToString(CultureInfo.InvariantCulture), ReadSize(received));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), SlixPeer.Field(received, "sha256"));
    }

    private static string ReadSize(string line)
    {
        using var json = System.Text.Json.JsonDocument.Parse(line);
        return json.RootElement.GetProperty("size").GetInt32().ToString(CultureInfo.InvariantCulture);
    }
}
