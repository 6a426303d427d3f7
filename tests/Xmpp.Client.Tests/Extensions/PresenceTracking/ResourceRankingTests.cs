using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

public class ResourceRankingTests
{
    [Theory]
    [InlineData(PresenceShow.Chat, PresenceShow.None)]
    [InlineData(PresenceShow.None, PresenceShow.Away)]
    [InlineData(PresenceShow.Away, PresenceShow.Xa)]
    [InlineData(PresenceShow.Xa, PresenceShow.Dnd)]
    public void At_equal_priority_a_more_available_show_ranks_first_even_when_older(PresenceShow better, PresenceShow worse)
    {
        var table = new PresenceTable(maxPerContact: 256, maxResources: 20_000, maxBytes: 10_000_000);
        table.Set(Jid.Parse("a@example.com/better"), better, null, 0, DateTimeOffset.UnixEpoch);
        table.Set(Jid.Parse("a@example.com/worse"), worse, null, 0, DateTimeOffset.UnixEpoch);

        Assert.Equal("better", table.GetBest(Jid.Parse("a@example.com"))!.Jid.Resource);
    }

    [Fact]
    public void Priority_outranks_show_and_recency()
    {
        var table = new PresenceTable(maxPerContact: 256, maxResources: 20_000, maxBytes: 10_000_000);
        table.Set(Jid.Parse("a@example.com/high"), PresenceShow.Dnd, null, 1, DateTimeOffset.UnixEpoch);
        table.Set(Jid.Parse("a@example.com/low"), PresenceShow.Chat, null, 0, DateTimeOffset.UnixEpoch);

        Assert.Equal("high", table.GetBest(Jid.Parse("a@example.com"))!.Jid.Resource);
    }

    [Fact]
    public void Reads_return_snapshots_that_later_changes_leave_alone()
    {
        var table = new PresenceTable(maxPerContact: 256, maxResources: 20_000, maxBytes: 10_000_000);
        var contact = Jid.Parse("a@example.com");
        table.Set(Jid.Parse("a@example.com/one"), PresenceShow.None, null, 0, DateTimeOffset.UnixEpoch);
        var resources = table.GetResources(contact);
        var contacts = table.GetAvailableContacts();

        table.Set(Jid.Parse("a@example.com/two"), PresenceShow.None, null, 0, DateTimeOffset.UnixEpoch);
        table.Set(Jid.Parse("b@example.com/one"), PresenceShow.None, null, 0, DateTimeOffset.UnixEpoch);
        table.Clear();

        Assert.Single(resources);
        Assert.Single(contacts);
        Assert.Empty(table.GetAvailableContacts());
    }

    [Fact]
    public async Task Readers_on_other_threads_see_whole_states_while_the_event_task_writes()
    {
        var table = new PresenceTable(maxPerContact: 256, maxResources: 20_000, maxBytes: 10_000_000);
        var contact = Jid.Parse("a@example.com");
        var readers = Enumerable.Range(0, 2).Select(reader => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                // Without the lock, enumerating while the writer changes the dictionaries throws or sees a broken one.
                var resources = table.GetResources(contact);
                Assert.True(resources.Count <= 2);
                Assert.All(resources, resource => Assert.Equal(contact, resource.Jid.Bare));
                _ = table.GetBest(contact);
                _ = table.GetAvailableContacts();
            }
        })).ToArray();
        var all = Task.WhenAll(readers);
        while (!all.IsCompleted)
        {
            table.Set(Jid.Parse("a@example.com/one"), PresenceShow.None, null, 0, DateTimeOffset.UnixEpoch);
            table.Set(Jid.Parse("a@example.com/two"), PresenceShow.Away, null, 0, DateTimeOffset.UnixEpoch);
            table.Remove(Jid.Parse("a@example.com/one"));
            table.RemoveContact(contact);
        }

        await all;
    }
}
