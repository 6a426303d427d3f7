using System.Text;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class LoggingTests
{
    [Fact]
    public async Task Trace_logs_every_stanza_but_never_the_password()
    {
        var logs = new ListLoggerFactory();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.ExpectAsync("message");
            await server.SendAsync("<message from='juliet@example.com/a'><body>inbound</body></message>");
            await server.UntilClientClosesAsync();
        }, logs: logs);
        await using (client)
        {
            var received = new TaskCompletionSource();
            client.MessageReceived += _ =>
            {
                received.TrySetResult();
                return Task.CompletedTask;
            };
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "outbound"));
            await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var all = string.Join("\n", logs.Messages);
        Assert.Contains("SEND", all, StringComparison.Ordinal);
        Assert.Contains("outbound", all, StringComparison.Ordinal);
        Assert.Contains("inbound", all, StringComparison.Ordinal);
        Assert.Contains("mechanism=\"PLAIN\"", all, StringComparison.Ordinal);
        var plainResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0user\0pencil"));
        Assert.DoesNotContain(plainResponse, all, StringComparison.Ordinal);
        Assert.DoesNotContain("pencil", all, StringComparison.Ordinal);
    }
}
