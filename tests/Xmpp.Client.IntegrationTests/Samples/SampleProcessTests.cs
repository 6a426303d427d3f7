using System.Text.RegularExpressions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>The EchoBot and SendMessage samples as users run them: processes logged in to Prosody and ejabberd.</summary>
[Collection(ServersCollection.Name)]
public sealed class SampleProcessTests(ServersFixture fixture)
{
    internal static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(40);
    internal static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task EchoBot_echoes_what_SendMessage_sends_and_closes_the_stream_on_SIGTERM(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var bot = server.Account("bot").Jid;
        var body = $"echo {Guid.NewGuid():N} <&'\"> é ✓";
        await using var echoBot = Sample.Start("EchoBot", fixture.Servers, server, "bot", ["--verbose"]);
        var online = await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), LoginTimeout, "'Online as'");
        Assert.Matches($"^Online as {Regex.Escape(bot)}/.+$", online);

        await using var send = Sample.Start("SendMessage", fixture.Servers, server, "sender", ["--to", bot, "--body", body, "--wait-reply", "10"]);
        Assert.True(await send.WaitForExitAsync(RunTimeout) == 0, send.Describe());
        Assert.Equal($"Sent to {bot}", send.Lines[0]);
        Assert.Matches($"^Reply from {Regex.Escape(bot)}/.+: {Regex.Escape(body)}$", send.Lines[1]);
        var sender = server.Account("sender").Jid;
        await echoBot.WaitForLineAsync(l => l.StartsWith($"{sender}/", StringComparison.Ordinal) && l.EndsWith($": {body}", StringComparison.Ordinal),
            RunTimeout, "the message EchoBot received");

        echoBot.Terminate();
        Assert.True(await echoBot.WaitForExitAsync(StopTimeout) == 0, echoBot.Describe());
        Assert.Equal("Bye", echoBot.Lines[^1]);
        // With --verbose the library logs how the session ended: the server answered our </stream:stream> with its own.
        Assert.Contains("Session ended: closed", echoBot.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("without the server's stream close", echoBot.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task EchoBot_answers_ping_version_and_disco_and_acknowledges_a_message_that_asks(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var echoBot = Sample.Start("EchoBot", fixture.Servers, server, "bot", []);
        var online = await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), LoginTimeout, "'Online as'");
        var bot = Jid.Parse(online["Online as ".Length..]);

        await using var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice"));
        Assert.True(await alice.Ping.SendAsync(bot) > TimeSpan.Zero);
        var version = await alice.SoftwareVersion.GetAsync(bot);
        Assert.Equal("Xmpp.Client", version.Name);
        var info = await alice.Disco.GetInfoAsync(bot);
        Assert.True(info.HasFeature("urn:xmpp:receipts"));
        Assert.True(info.HasFeature("jabber:iq:version"));

        // To the bot's bare JID: a full JID gets a request only once its client's support is known (caps, or a request of its own).
        var message = new Xmpp.Client.Stanzas.Message(bot.Bare, "receipt, please");
        var id = await alice.SendAsync(message);
        Assert.Equal(bot.Bare, (await alice.Receipts.WaitForReceiptAsync(id, TimeSpan.FromSeconds(20))).Bare);

        echoBot.Terminate();
        Assert.True(await echoBot.WaitForExitAsync(StopTimeout) == 0, echoBot.Describe());
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task EchoBot_accepts_a_subscription_request_and_subscribes_back(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var botAccount = Jid.Parse(server.Account("bot").Jid);
        var approved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var carol = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "carol"));
        carol.Availability.SubscriptionApproved += e => { if (e.Contact == botAccount) { approved.TrySetResult(); } return Task.CompletedTask; };
        carol.Availability.SubscriptionRequested += e => { if (e.Contact == botAccount) { requested.TrySetResult(); } return Task.CompletedTask; };
        await carol.Roster.GetAsync(); // a session that fetched the roster is told about subscription answers
        await carol.SendAsync(new Xmpp.Client.Stanzas.Presence());
        await using (var echoBot = Sample.Start("EchoBot", fixture.Servers, server, "bot", []))
        {
            await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), LoginTimeout, "'Online as'");
            try
            {
                await carol.Availability.SubscribeAsync(botAccount);
                await approved.Task.WaitAsync(RunTimeout);
                await requested.Task.WaitAsync(RunTimeout);
                await echoBot.WaitForLineAsync(l => l.Contains("subscription request", StringComparison.Ordinal), RunTimeout, "the request EchoBot printed");
            }
            finally
            {
                echoBot.Terminate();
                await echoBot.WaitForExitAsync(StopTimeout);
            }
        }

        // Leave both rosters as they were.
        await carol.Roster.RemoveAsync(botAccount);
        await using var botClient = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bot"));
        await botClient.Roster.GetAsync();
        if (botClient.Roster.Items.ContainsKey(Jid.Parse(server.Account("carol").Jid)))
        {
            await botClient.Roster.RemoveAsync(Jid.Parse(server.Account("carol").Jid));
        }
    }

    [Theory]
    [InlineData("prosody", "EchoBot")]
    [InlineData("prosody", "SendMessage")]
    [InlineData("ejabberd", "EchoBot")]
    [InlineData("ejabberd", "SendMessage")]
    public async Task A_wrong_password_prints_the_reason_on_stderr_and_exits_1(string serverName, string sample)
    {
        var server = fixture.Servers.Named(serverName);
        string[] extra = sample == "SendMessage" ? ["--to", server.Account("bob").Jid, "--body", "never sent"] : [];
        await using var process = Sample.Start(sample, fixture.Servers, server, "bot", extra, password: "wrong-pass");
        Assert.True(await process.WaitForExitAsync(RunTimeout) == 1, process.Describe());
        Assert.Empty(process.Lines);
        Assert.Contains("the user name or password is wrong", process.StandardError, StringComparison.Ordinal);
    }
}
