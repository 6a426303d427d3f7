using System.Security.Cryptography;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>The SendFile sample as users run it, against Prosody's http_file_share: the URL on stdout, the file behind it, the message at the recipient.</summary>
[Collection(ServersCollection.Name)]
public sealed class SendFileTests(ServersFixture fixture)
{
    [Fact]
    public async Task SendFile_prints_the_url_of_the_uploaded_file_and_sends_it_to_the_recipient()
    {
        var server = fixture.Servers.Prosody;
        await using var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob", "sendfile"));
        var inbox = new MessageInbox(bob);
        var data = RandomNumberGenerator.GetBytes(1_500_000);
        var path = Path.Combine(Path.GetTempPath(), $"sendfile-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, data);
        try
        {
            await using var send = Sample.Start("SendFile", fixture.Servers, server, "sender", ["--to", bob.BoundJid!.Value.ToString(), "--file", path]);
            Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, send.Describe());

            var line = Assert.Single(send.Lines);
            var url = new Uri(line);
            Assert.Equal($"http://127.0.0.1:{server.HttpPort}", url.GetLeftPart(UriPartial.Authority));
            Assert.Contains("Uploaded 1500000 of 1500000 bytes (100%)", send.StandardError, StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Equal(data, await http.GetByteArrayAsync(url));
            var message = await inbox.WaitForAsync(m => m.Body == line, SampleProcessTests.RunTimeout);
            Assert.Equal(url, Assert.Single(message.GetOutOfBandData()).Url);
            Assert.Equal(server.Account("sender").Jid, message.From?.Bare.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SendFile_fails_with_the_reason_and_exit_code_1_when_the_file_is_over_the_limit()
    {
        var server = fixture.Servers.Prosody;
        var path = Path.Combine(Path.GetTempPath(), $"sendfile-{Guid.NewGuid():N}.bin");
        await using (var file = File.Create(path))
        {
            file.SetLength(10L * 1024 * 1024 + 1);
        }

        try
        {
            await using var send = Sample.Start("SendFile", fixture.Servers, server, "sender", ["--to", server.Account("bob").Jid, "--file", path]);
            Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, send.Describe());

            Assert.Empty(send.Lines);
            Assert.Contains("SendFile failed: The file of 10485761 bytes is too large", send.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
