using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// Stanzas that break the client's per-stanza limits, sent by another account through real Prosody (which relays
/// them): EchoBot skips each and still echoes the next plain message, without ever losing its session.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PoisonStanzaTests(ServersFixture fixture)
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Attributes(string name, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => $"{name}{i}='{i}'"));

    public static TheoryData<string, string> Poison => new()
    {
        { "depth 200", Repeat("<x>", 200) + Repeat("</x>", 200) },
        { "depth 5,000", Repeat("<x>", 5_000) + Repeat("</x>", 5_000) },
        { "600 attributes", $"<x xmlns='urn:example:poison' {Attributes("a", 600)}/>" },
        { "300 namespace declarations", $"<x xmlns='urn:example:poison' {Attributes("xmlns:p", 300).Replace("='", "='urn:example:", StringComparison.Ordinal)}/>" },
        { "20,000 children", "<x xmlns='urn:example:poison'>" + Repeat("<y/>", 20_000) + "</x>" },
        { "a 200 KB body", "<body>" + new string('b', 200 * 1024) + "</body>" },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public async Task EchoBot_still_echoes_the_next_plain_message_after_a_poison_stanza(string what, string payload)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var server = fixture.Servers.Named("prosody");
        var bot = server.Account("bot").Jid;
        using var ca = fixture.Servers.LoadCaCertificate();
        await using var echoBot = Sample.Start("EchoBot", fixture.Servers, server, "bot", []);
        await echoBot.WaitForLineAsync(l => l.StartsWith("Online as ", StringComparison.Ordinal), SampleProcessTests.LoginTimeout, "'Online as'");
        await using var sender = await RawXmppStream.ConnectAsync(server.EndPoint, timeout.Token);
        var from = await sender.LoginAsync(server.Domain, ca, server.Account("alice"), timeout.Token);

        await sender.SendAsync($"<message to='{bot}' type='chat' id='poison'>{payload}</message>", timeout.Token);
        var plain = $"plain after {what} {Guid.NewGuid():N}";
        await sender.SendAsync($"<message to='{bot}' type='chat' id='plain'><body>{plain}</body></message>", timeout.Token);

        await echoBot.WaitForLineAsync(l => l == $"{from}: {plain}", SampleProcessTests.RunTimeout, $"the plain message after {what}");
        Assert.Contains($"<body>{plain}</body>", await sender.ReadUntilAsync($"{plain}</body>", timeout.Token), StringComparison.Ordinal);
        Assert.DoesNotContain("lost the connection", echoBot.StandardError, StringComparison.Ordinal);
        echoBot.Terminate();
        Assert.True(await echoBot.WaitForExitAsync(SampleProcessTests.StopTimeout) == 0, echoBot.Describe());
    }
}
