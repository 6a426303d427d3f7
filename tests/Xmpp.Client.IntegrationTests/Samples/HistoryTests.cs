using System.Text.RegularExpressions;
using Xmpp.Client.IntegrationTests.Extensions;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// The History sample on Prosody and ejabberd: prints the conversation with one JID from the account's archive,
/// oldest first, one <c>yyyy-MM-ddTHH:mm:ssZ sender: body</c> line per message, over more than one page.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class HistoryTests(ServersFixture fixture)
{
    private const int Messages = 120;

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task History_prints_the_whole_conversation_oldest_first_and_with_max_exactly_the_last_n(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        var tag = $"history-{Guid.NewGuid():N}";
        List<(Jid Sender, string Body)> sent;
        await using (var alice = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice")))
        await using (var bob = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "bob")))
        {
            sent = await ArchiveSeeding.ConverseAsync(alice, bob, tag, Messages);
        }

        var expected = sent.Select(m => $"{m.Sender}: {m.Body}").ToList();
        var bob1 = server.Account("bob").Jid;

        await using var all = Sample.Start("History", fixture.Servers, server, "alice", ["--with", bob1]);
        Assert.True(await all.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, all.Describe());
        Assert.All(all.Lines, line => Assert.Matches(LinePattern(), line));
        var mine = all.Lines.Where(line => line.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, mine.Select(WithoutTime));
        Assert.Equal(mine, all.Lines.TakeLast(Messages)); // nothing newer than the conversation just held
        var times = all.Lines.Select(line => line[..20]).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);

        await using var last = Sample.Start("History", fixture.Servers, server, "alice", ["--with", bob1, "--max", "7"]);
        Assert.True(await last.WaitForExitAsync(SampleProcessTests.RunTimeout) == 0, last.Describe());
        Assert.True(last.Lines.Count == 7, last.Describe());
        Assert.Equal(expected.TakeLast(7), last.Lines.Select(WithoutTime));
        Assert.All(last.Lines, line => Assert.Matches(LinePattern(), line));
    }

    private static string WithoutTime(string line) => line[21..];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z [^ ]+@[^ ]+: ")]
    private static partial Regex LinePattern();
}
