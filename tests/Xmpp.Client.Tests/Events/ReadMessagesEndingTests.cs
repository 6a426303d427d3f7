using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Events;

/// <summary>How a <see cref="XmppClient.ReadMessagesAsync"/> loop ends, and that it gives back what it held.</summary>
public class ReadMessagesEndingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_message_raised_just_after_the_loop_ended_gives_its_bytes_back()
    {
        var release = new TaskCompletionSource();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            await server.ExpectAsync("presence");
            await server.SendAsync("<message from='juliet@example.com/a'><body>1</body></message><message from='juliet@example.com/a'><body>2</body></message>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            // A handler that runs before the loop's and holds the second message until the loop is over.
            client.MessageReceived += message => message.Body == "2" ? release.Task : Task.CompletedTask;
            await using (var messages = client.ReadMessagesAsync().GetAsyncEnumerator())
            {
                var next = messages.MoveNextAsync();
                await client.SendAsync(new Presence());
                Assert.True(await next.AsTask().WaitAsync(Wait));
            }

            release.SetResult();
            var deadline = DateTime.UtcNow + Wait;
            while (client.QueuedEventBytes != 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(0, client.QueuedEventBytes);
        }
    }

    [Fact]
    public async Task A_loop_on_a_client_that_never_connected_ends_when_it_is_disposed()
    {
        var (client, _) = TestClients.Create(server => server.UntilClientClosesAsync());
        var messages = client.ReadMessagesAsync().GetAsyncEnumerator();
        var next = messages.MoveNextAsync();

        await client.DisposeAsync();

        Assert.False(await next.AsTask().WaitAsync(Wait));
        await messages.DisposeAsync();
    }
}
