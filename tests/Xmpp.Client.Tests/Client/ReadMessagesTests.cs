using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Client;

public class ReadMessagesTests
{
    [Fact]
    public async Task ReadMessagesAsync_yields_messages_in_order_and_ends_when_the_session_ends()
    {
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.ExpectAsync("presence");
            for (var i = 0; i < 5; i++)
            {
                await server.SendAsync($"<message from='juliet@example.com/a'><body>{i}</body></message>");
            }

            await server.SendAsync("</stream:stream>");
        });
        await using (client)
        {
            await client.ConnectAsync();
            var bodies = new List<string?>();
            var messages = client.ReadMessagesAsync().GetAsyncEnumerator();
            // The first MoveNextAsync subscribes synchronously, before the server is told to start sending.
            var next = messages.MoveNextAsync();
            await client.SendAsync(new Xmpp.Client.Stanzas.Presence());
            while (await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10)))
            {
                bodies.Add(messages.Current.Body);
                next = messages.MoveNextAsync();
            }

            await messages.DisposeAsync();
            Assert.Equal(["0", "1", "2", "3", "4"], bodies);
        }
    }
}
