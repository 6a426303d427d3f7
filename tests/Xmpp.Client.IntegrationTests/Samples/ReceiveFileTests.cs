using System.Security.Cryptography;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// ReceiveFile and SendFile as processes against Prosody: one file sent directly (`SendFile --direct`, Jingle over
/// in-band bytestreams) and one over HTTP upload, both saved by ReceiveFile, which prints `Saved &lt;path&gt;` for each
/// and exits 0 after `--count 2`.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ReceiveFileTests(ServersFixture fixture)
{
    [Fact]
    public async Task ReceiveFile_saves_a_direct_transfer_and_an_uploaded_link_that_SendFile_sends()
    {
        var server = fixture.Servers.Prosody;
        var folder = Directory.CreateTempSubdirectory("receivefile-");
        var direct = RandomNumberGenerator.GetBytes(120_000);
        var uploaded = RandomNumberGenerator.GetBytes(300_000);
        var directPath = Path.Combine(Path.GetTempPath(), $"direct-{Guid.NewGuid():N}.bin");
        var uploadPath = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(directPath, direct);
        await File.WriteAllBytesAsync(uploadPath, uploaded);
        try
        {
            await using var receiver = Sample.Start("ReceiveFile", fixture.Servers, server, "bob", ["--dir", folder.FullName, "--count", "2"]);
            var online = await receiver.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");
            var bob = online["Online as ".Length..];

            await using (var send = Sample.Start("SendFile", fixture.Servers, server, "sender", ["--to", bob, "--file", directPath, "--direct"]))
            {
                Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, send.Describe());
                Assert.Equal([$"Sent {Path.GetFileName(directPath)} to {bob}"], send.Lines);
            }

            await using (var send = Sample.Start("SendFile", fixture.Servers, server, "sender", ["--to", bob, "--file", uploadPath]))
            {
                Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, send.Describe());
            }

            Assert.True(await receiver.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, receiver.Describe());
            var saved = receiver.Lines.Where(l => l.StartsWith("Saved ", StringComparison.Ordinal)).Select(l => l["Saved ".Length..]).ToList();
            Assert.Equal(2, saved.Count);
            Assert.All(saved, path => Assert.Equal(folder.FullName, Path.GetDirectoryName(path)));
            Assert.Equal(direct, await File.ReadAllBytesAsync(Assert.Single(saved, p => p.EndsWith(Path.GetFileName(directPath), StringComparison.Ordinal))));
            Assert.Equal(uploaded, await File.ReadAllBytesAsync(Assert.Single(saved, p => !p.EndsWith(Path.GetFileName(directPath), StringComparison.Ordinal))));
        }
        finally
        {
            folder.Delete(recursive: true);
            File.Delete(directPath);
            File.Delete(uploadPath);
        }
    }
}
