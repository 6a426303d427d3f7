using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>
/// The test servers keep what the fault tests rely on. When a server cannot resume a session (Prosody 0.12.3 cannot
/// when the old connection was cut inside a stanza, see MessageLossTests) it moves the messages it held for the client
/// to offline storage and stores there what arrives until the client is back; past the store's quota it bounces them
/// to the sender. Prosody's memory store takes 1,000 items per account unless told otherwise, and the message-loss
/// test's flood overflows that: hundreds of its messages came back to the sender as errors and the test failed.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OfflineStorageCapacityTests(ServersFixture fixture)
{
    private const int Messages = 1_500;

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task The_server_stores_1500_messages_for_an_offline_account_and_delivers_them_all(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var server = fixture.Servers.Named(name);
        var to = Jid.Parse(server.Account("offline").Jid);
        var bounced = 0;
        var tag = Guid.NewGuid().ToString("N");
        await using (var sender = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "alice")))
        {
            sender.MessageReceived += message =>
            {
                if (message.Type == MessageType.Error)
                {
                    Interlocked.Increment(ref bounced);
                }

                return Task.CompletedTask;
            };
            for (var i = 0; i < Messages; i++)
            {
                await sender.SendAsync(new Message(to, $"{tag} {i.ToString(CultureInfo.InvariantCulture)}") { Type = MessageType.Chat }, timeout.Token);
            }

            // A round trip after the last message: the server has handled (stored or bounced) every one before it.
            await sender.SendIqAsync(new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping"))), timeout.Token);
        }

        var received = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var owner = await ClientFactory.ConnectedAsync(ClientFactory.Options(fixture.Servers, server, "offline"));
        owner.MessageReceived += message =>
        {
            if (message.Body?.StartsWith(tag, StringComparison.Ordinal) == true && received.TryAdd(message.Body, true) && received.Count == Messages)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await owner.SendAsync(new Presence(), timeout.Token); // offline messages are delivered after the initial presence
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30), timeout.Token)
            .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        Assert.Equal(0, bounced);
        Assert.Equal(Messages, received.Count);
    }
}
