using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// The Register sample on Prosody and ejabberd: `--jid &lt;new jid&gt; --password &lt;pw&gt;` prints
/// `Registered &lt;jid&gt;` and exits 0, then the account logs in; an account that exists exits 1 and says so.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RegisterTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Register_creates_the_account_which_then_logs_in_and_a_second_run_says_it_exists(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var jid = $"sample-{Guid.NewGuid():N}"[..19] + "@" + server.Domain;
        string[] arguments =
        [
            "--jid", jid, "--password", "Sample-Pass-5",
            "--host", server.Host.ToString(), "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--trust-cert", fixture.Servers.CaCertificatePath,
        ];

        await using (var first = Sample.Start("Register", arguments))
        {
            Assert.True(await first.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, first.Describe());
            Assert.Equal([$"Registered {jid}"], first.Lines);
        }

        var options = ClientFactory.Options(fixture.Servers, server) with { Jid = Jid.Parse(jid), Password = "Sample-Pass-5" };
        await using (var client = await ClientFactory.ConnectedAsync(options))
        {
            Assert.Equal(jid, client.BoundJid!.Value.Bare.ToString());
        }

        try
        {
            await using var second = Sample.Start("Register", arguments);
            Assert.True(await second.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, second.Describe());
            Assert.Empty(second.Lines);
            Assert.Contains("exists already", second.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await using var client = await ClientFactory.ConnectedAsync(options);
            await client.Registration.CancelAccountAsync();
        }
    }
}
