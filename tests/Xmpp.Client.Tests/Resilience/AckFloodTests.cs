using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

/// <summary>
/// Every &lt;r/&gt; is answered, but answers are coalesced: while one &lt;a/&gt; waits for the writer, later requests
/// need no answer of their own (the waiting one carries the count current when it is written), so a flood of requests
/// cannot queue writes without bound.
/// </summary>
public class AckFloodTests
{
    private const int Flood = 20_000;

    [Fact]
    public async Task A_flood_of_ack_requests_while_the_writer_is_blocked_leaves_at_most_one_answer_waiting()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new TaskCompletionSource<(int Count, string? LastH)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginWithStreamManagementAsync();
            // Not reading: the client's answers fill the connection's buffer, and its writer blocks.
            await server.SendAsync(string.Concat(Enumerable.Repeat("<r xmlns='urn:xmpp:sm:3'/>", Flood)));
            await server.SendAsync("<message id='marker' from='juliet@example.com/a'><body>after the flood</body></message>");
            await marker.Task;
            await server.SendAsync("<r xmlns='urn:xmpp:sm:3'/>");
            var count = 0;
            while (await server.ReadElementAsync() is { } element)
            {
                if (element.Name != "a")
                {
                    continue;
                }

                count++;
                if (element.GetAttribute("h") == "1")
                {
                    answers.SetResult((count, element.GetAttribute("h")));
                    break;
                }
            }

            await server.UntilClientClosesAsync();
        }, TestClients.Resilient());
        client.MessageReceived += message =>
        {
            if (message.Id == "marker")
            {
                marker.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await using (client)
        {
            await client.ConnectAsync();
            var (count, h) = await answers.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal("1", h);
            Assert.InRange(count, 1, Flood / 4);
        }
    }
}
