using System.Text;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

/// <summary>
/// What the server sends between the client's &lt;enable/&gt; or &lt;resume/&gt; and its answer is kept for the
/// session, but only up to a bound: a flood there ends the stream instead of growing memory.
/// </summary>
public class EarlyElementTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Stanzas_sent_before_enabled_are_kept_and_delivered_in_order()
    {
        var bodies = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(features: StreamManagementScripts.Feature);
            await server.ExpectAsync("enable");
            await server.SendAsync(string.Concat(Enumerable.Range(1, 3).Select(i => $"<message from='juliet@example.com/a'><body>{i}</body></message>")));
            await server.SendAsync($"<enabled xmlns='{StreamManagementScripts.Ns}' id='sm-1' resume='true'/>");
            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        client.MessageReceived += message =>
        {
            bodies.Add(message.Body!);
            if (bodies.Count == 3)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await using (client)
        {
            await client.ConnectAsync();
            await all.Task.WaitAsync(Wait);
            Assert.Equal(["1", "2", "3"], bodies);
        }
    }

    [Theory]
    [InlineData(5_000, 1)]
    [InlineData(12, 1_000_000)]
    public async Task A_flood_before_enabled_ends_the_stream_with_resource_constraint_instead_of_being_buffered(int count, int bodyLength)
    {
        var sent = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync(features: StreamManagementScripts.Feature);
            await server.ExpectAsync("enable");
            var body = new string('x', bodyLength);
            var flood = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                flood.Append("<message from='mallory@evil.example/x'><body>").Append(body).Append("</body></message>");
            }

            var sending = Task.Run(async () =>
            {
                try
                {
                    await server.SendAsync(flood.ToString());
                    await server.SendAsync($"<enabled xmlns='{StreamManagementScripts.Ns}' id='sm-1' resume='true'/>");
                }
                catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The client hung up mid-flood.
                }
            });
            var element = await server.ReadElementAsync();
            sent.TrySetResult(element?.ToString() ?? "(closed)");
            await sending;
        }, TestClients.Resilient() with { AutoReconnect = false });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppStreamErrorException>(() => client.ConnectAsync().WaitAsync(Wait));

            Assert.Equal(StreamErrorCondition.ResourceConstraint, error.Condition);
            Assert.Contains("resource-constraint", await sent.Task.WaitAsync(Wait), StringComparison.Ordinal);
        }
    }
}
