using System.Collections.Concurrent;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

public class ReconnectionTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com");
    private static readonly Jid Romeo = Jid.Parse("romeo@example.com");
    private const string JulietAvailable = "<presence from='juliet@example.com/balcony'/>";
    private const string RomeoAvailable = "<presence from='romeo@example.com/garden'/>";

    [Fact]
    public async Task After_a_reconnection_with_a_new_session_the_old_sessions_presences_are_forgotten()
    {
        var connection = 0;
        var markers = new Markers();
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.SendAsync(JulietAvailable + Markers.Message("first"));
                await server.ExpectAsync("message");
                return; // The connection drops; juliet goes offline meanwhile.
            }

            await server.SendAsync(RomeoAvailable + Markers.Message("second"));
            await server.UntilClientClosesAsync();
        }, Options());
        await using (client)
        {
            markers.Watch(client);
            await client.ConnectAsync();
            await markers.WaitAsync("first");
            Assert.True(client.Availability.IsAvailable(Juliet));

            await DropAsync(client);
            await markers.WaitAsync("second");

            Assert.False(client.Availability.IsAvailable(Juliet));
            Assert.Equal([Romeo], client.Availability.GetAvailableContacts());
        }
    }

    [Fact]
    public async Task A_resumed_session_keeps_the_presences_it_knew()
    {
        var connection = 0;
        var markers = new Markers();
        var (client, _) = TestClients.Create(async server =>
        {
            if (Interlocked.Increment(ref connection) == 1)
            {
                await server.LoginWithStreamManagementAsync("abc");
                await server.SendAsync(JulietAvailable + Markers.Message("first"));
                await server.ExpectStanzaAsync("message");
                return;
            }

            Assert.Equal("resume", (await server.AuthenticateAsync()).Name);
            await server.SendAsync("<resumed xmlns='urn:xmpp:sm:3' previd='abc' h='1'/>" + RomeoAvailable + Markers.Message("second"));
            await server.UntilClientClosesAsync();
        }, Options());
        await using (client)
        {
            markers.Watch(client);
            await client.ConnectAsync();
            await markers.WaitAsync("first");

            await DropAsync(client);
            await markers.WaitAsync("second");

            Assert.True(client.Availability.IsAvailable(Juliet));
            Assert.True(client.Availability.IsAvailable(Romeo));
        }
    }

    private static XmppClientOptions Options() => TestClients.Resilient() with { Extensions = OnlyExtensions.Availability };

    /// <summary>Sends the message on which the first server drops the connection.</summary>
    private static async Task DropAsync(XmppClient client)
    {
        try
        {
            await client.SendAsync(new Message(Juliet, "drop"));
        }
        catch (XmppConnectionLostException)
        {
            // The drop can overtake the completion of the send that caused it.
        }
    }

    /// <summary>Marker messages from the server: once one is raised, every event before it has run.</summary>
    private sealed class Markers
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _seen = new();

        public static string Message(string id) => $"<message id='{id}' from='{FakeServer.Domain}'/>";

        public void Watch(XmppClient client) => client.MessageReceived += message =>
        {
            if (message.Id is { } id)
            {
                Get(id).TrySetResult();
            }

            return Task.CompletedTask;
        };

        public Task WaitAsync(string id) => Get(id).Task.WaitAsync(TimeSpan.FromSeconds(10));

        private TaskCompletionSource Get(string id) =>
            _seen.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
