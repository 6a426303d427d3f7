using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// What InvariantGlobalization (no ICU) does to JID preparation, in a process that runs with it: ASCII JIDs work (they
/// need no normalization) and the account logs in; a JID with other characters is refused with a message that says
/// why and what to do, never prepared wrongly (unnormalized, so two spellings of one JID would differ).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class InvariantGlobalizationTests(ServersFixture fixture)
{
    private static ChildProcess StartInvariant(IEnumerable<string> arguments, string password) =>
        ChildProcess.Start(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Sample.DllPath("EchoBot"), .. arguments],
            new Dictionary<string, string?>
            {
                ["XMPP_PASSWORD"] = password,
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            });

    [Fact]
    public async Task An_ascii_jid_logs_in_without_ICU()
    {
        var server = fixture.Servers.Prosody;
        await using var bot = StartInvariant(
            [
                "--jid", server.Account("bot").Jid, "--host", server.Host.ToString(),
                "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--trust-cert", fixture.Servers.CaCertificatePath,
            ],
            server.Account("bot").Password);

        var online = await bot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");
        Assert.StartsWith($"Online as {server.Account("bot").Jid}/", online, StringComparison.Ordinal);
        bot.Terminate();
        Assert.Equal(0, await bot.WaitForExitAsync(SampleProcessTests.RunTimeout));
    }

    [Theory]
    [InlineData("jüliet@example.com")]
    [InlineData("juliet@bücher.example")]
    [InlineData("juliet@example.com/balcón")]
    public async Task A_jid_beyond_ascii_is_refused_with_the_reason_without_ICU(string jid)
    {
        await using var bot = StartInvariant(["--jid", jid], "unused-pass");

        Assert.True(await bot.WaitForExitAsync(SampleProcessTests.RunTimeout) == 2, bot.Describe());
        Assert.Contains("InvariantGlobalization", bot.StandardError, StringComparison.Ordinal);
        Assert.Contains("is not a valid JID", bot.StandardError, StringComparison.Ordinal);
    }
}
