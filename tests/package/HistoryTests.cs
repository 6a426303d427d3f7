using Xmpp.Client;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Stanzas;

namespace PackageTests;

/// <summary>
/// Devices and history as a new user writes them from the README, against the packed package and a real Prosody: a
/// second device of the account gets carbons of a conversation, and the archive gives back its last lines.
/// </summary>
public sealed class HistoryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_device_sees_carbons_and_the_archive_gives_the_last_lines_oldest_first()
    {
        var server = TestServer.Prosody;
        await using var phone = new XmppClient(server.Options("carol") with { Resource = "phone" });
        await using var laptop = new XmppClient(server.Options("carol") with { Resource = "laptop" });
        await using var alice = new XmppClient(server.Options("alice"));
        await phone.ConnectAsync();
        await laptop.ConnectAsync();
        await alice.ConnectAsync();
        await phone.SendAsync(new Presence());
        await laptop.SendAsync(new Presence());
        var copies = new System.Collections.Concurrent.ConcurrentQueue<string>();
        laptop.Carbons.CarbonReceived += copy =>
        {
            if (copy.Message.Body is { } body) // receipts and chat states are copied too
            {
                copies.Enqueue($"{copy.Direction} {body}");
            }

            return Task.CompletedTask;
        };

        var tag = Guid.NewGuid().ToString("N")[..8];
        var carol = phone.BoundJid!.Value;
        for (var i = 1; i <= 3; i++)
        {
            if (i == 2)
            {
                await phone.SendAsync(new Message(alice.BoundJid!.Value, $"{tag} {i}"));
            }
            else
            {
                await alice.SendAsync(new Message(carol, $"{tag} {i}"));
            }

            // One at a time, so the archive's order is the order sent.
            for (var waited = 0; copies.Count < i && waited < 300; waited++)
            {
                await Task.Delay(100);
            }
        }

        // The archive keeps receipts too (Prosody does): the last two lines are the last two messages with a body.
        var last = new List<ArchivedMessage>();
        await foreach (var archived in laptop.Mam.QueryAsync(new MamQuery { With = alice.BoundJid!.Value.Bare, Backward = true }))
        {
            if (archived.Message.Body is not null)
            {
                last.Insert(0, archived);
            }

            if (last.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([$"Received {tag} 1", $"Sent {tag} 2", $"Received {tag} 3"], copies);
        Assert.Equal([$"{tag} 2", $"{tag} 3"], last.Select(archived => archived.Message.Body));
    }
}
