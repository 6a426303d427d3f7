using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>samples/HostedBot, the EchoBot as a Generic Host app, configured by command line and environment as a
/// deployment would: logged in to Prosody, echoing, and stopped by SIGTERM.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostedBotTests(ServersFixture fixture)
{
    /// <summary>Starts HostedBot with the account in <c>--Xmpp:…</c> arguments and the password in <c>Xmpp__Password</c>.</summary>
    private ChildProcess Start(XmppTestServer server, string user, string password, int? port = null, params string[] extra) =>
        ChildProcess.Start(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [
                Sample.DllPath("HostedBot"),
                $"--Xmpp:Jid={server.Account(user).Jid}",
                $"--Xmpp:Host={server.Host}",
                $"--Xmpp:Port={(port ?? server.Port).ToString(CultureInfo.InvariantCulture)}",
                $"--Xmpp:TrustedCertificateFiles:0={fixture.Servers.CaCertificatePath}",
                .. extra,
            ],
            new Dictionary<string, string?> { ["Xmpp__Password"] = password, ["XMPP_PASSWORD"] = null, ["DOTNET_NOLOGO"] = "1" });

    [Fact]
    public async Task HostedBot_comes_online_echoes_and_exits_0_on_SIGTERM()
    {
        var server = fixture.Servers.Named("prosody");
        var bot = server.Account("bot").Jid;
        await using var hosted = Start(server, "bot", server.Account("bot").Password);
        var online = await hosted.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");
        Assert.Matches($"^Online as {Regex.Escape(bot)}/.+$", online);

        var body = $"hosted echo {Guid.NewGuid():N} <&>";
        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        var echoed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.MessageReceived += message =>
        {
            if (message.From?.Bare.ToString() == bot && message.Body is { } text)
            {
                echoed.TrySetResult(text);
            }

            return Task.CompletedTask;
        };
        await alice.SendAsync(new Xmpp.Client.Stanzas.Message(Jid.Parse(online["Online as ".Length..]), body) { Type = Xmpp.Client.Stanzas.MessageType.Chat });
        Assert.Equal(body, await echoed.Task.WaitAsync(SampleProcessTests.RunTimeout));
        var alicePrefix = $"{server.Account("alice").Jid}/";
        await hosted.WaitForLineAsync(l => l.StartsWith(alicePrefix, StringComparison.Ordinal) && l.EndsWith($": {body}", StringComparison.Ordinal),
            SampleProcessTests.RunTimeout, "the message HostedBot received");

        hosted.Terminate();
        Assert.True(await hosted.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, hosted.Describe());
        Assert.Equal("Bye", hosted.Lines[^1]);
        Assert.Contains("disconnected", hosted.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_fatal_the_host_stops_with_exit_code_1_and_says_why()
    {
        var server = fixture.Servers.Named("prosody");
        await using var hosted = Start(server, "bot", "wrong-pass");

        Assert.True(await hosted.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, hosted.Describe());
        Assert.Empty(hosted.Lines);
        Assert.Contains("retrying cannot help", hosted.StandardError, StringComparison.Ordinal);
        Assert.Contains("the user name or password is wrong", hosted.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_until_MaxReconnectAttempts()
    {
        var server = fixture.Servers.Named("prosody");
        await using var hosted = Start(server, "bot", server.Account("bot").Password, ClosedPort(),
            "--Xmpp:MaxReconnectAttempts=2", "--Xmpp:ReconnectMinDelay=00:00:00.050");

        Assert.True(await hosted.WaitForExitAsync(SampleProcessTests.RunTimeout) == 1, hosted.Describe());
        Assert.Contains("retrying in", hosted.StandardError, StringComparison.Ordinal);
        Assert.Contains("connecting failed 2 times", hosted.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_startup_naming_the_key()
    {
        await using var hosted = ChildProcess.Start(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Sample.DllPath("HostedBot"), "--Xmpp:Jid=bot@", "--Xmpp:Password=x"],
            new Dictionary<string, string?> { ["Xmpp__Password"] = null, ["DOTNET_NOLOGO"] = "1" });

        Assert.True(await hosted.WaitForExitAsync(SampleProcessTests.RunTimeout) == 2, hosted.Describe());
        Assert.Contains("Xmpp:Jid: ", hosted.StandardError, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
