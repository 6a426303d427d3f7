using System.Text.RegularExpressions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// EchoBot published with native AOT (PublishAot, trimmed, no JIT), with every trim and AOT warning an error, runs
/// against Prosody like the JIT build: online, echoes what SendMessage sends, closes on SIGTERM. Publishes it once
/// into artifacts/aot/EchoBot when it is not there yet.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class NativeAotTests(ServersFixture fixture)
{
    private static readonly SemaphoreSlim Publishing = new(1, 1);

    private static string Binary => Path.Combine(Sample.RepositoryRoot, "artifacts", "aot", "EchoBot", "EchoBot");

    [Fact]
    public async Task The_native_aot_EchoBot_echoes_and_closes_on_SIGTERM()
    {
        await PublishAsync();
        var server = fixture.Servers.Prosody;
        var bot = server.Account("bot").Jid;
        await using var echoBot = ChildProcess.Start(Binary,
            [
                "--jid", bot, "--host", server.Host.ToString(),
                "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--trust-cert", fixture.Servers.CaCertificatePath,
            ],
            new Dictionary<string, string?> { ["XMPP_PASSWORD"] = server.Account("bot").Password });
        var online = await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");
        Assert.Matches($"^Online as {Regex.Escape(bot)}/.+$", online);

        var body = $"aot {Guid.NewGuid():N} é ✓";
        await using var send = Sample.Start("SendMessage", fixture.Servers, server, "sender", ["--to", bot, "--body", body, "--wait-reply", "10"]);
        Assert.True(await send.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, send.Describe());
        Assert.Matches($"^Reply from {Regex.Escape(bot)}/.+: {Regex.Escape(body)}$", send.Lines[1]);

        echoBot.Terminate();
        Assert.True(await echoBot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, echoBot.Describe());
        Assert.Equal("Bye", echoBot.Lines[^1]);
    }

    private static async Task PublishAsync()
    {
        await Publishing.WaitAsync();
        try
        {
            if (File.Exists(Binary))
            {
                return;
            }

            await using var publish = ChildProcess.Start(
                Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                [
                    "publish", Path.Combine(Sample.RepositoryRoot, "samples", "EchoBot", "EchoBot.csproj"), "-c", "Release", "-r", "linux-x64",
                    "-p:PublishAot=true", "-warnaserror", "-nologo", "-o", Path.GetDirectoryName(Binary)!,
                ],
                new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" });
            Assert.True(await publish.WaitForExitAsync(TimeSpan.FromMinutes(8)) == 0, publish.Describe());
            Assert.DoesNotContain(publish.Lines, line => line.Contains("warning", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Publishing.Release();
        }
    }
}
