using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

/// <summary>
/// The presence table holds what remote parties send, so it is bounded by resources per contact, resources in all and
/// approximate bytes; whoever sends too much pays with its own entries, never with other contacts'.
/// </summary>
public class PresenceLimitTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_contact_beyond_its_resource_limit_loses_its_own_least_recently_updated_resource()
    {
        var table = new PresenceTable(maxPerContact: 3, maxResources: 100, maxBytes: 1_000_000);
        Set(table, "romeo@example.net/phone");
        Set(table, "juliet@example.com/1");
        Set(table, "juliet@example.com/2");
        Set(table, "juliet@example.com/3");
        Set(table, "juliet@example.com/1"); // updated: now /2 is the least recently updated

        var update = Set(table, "juliet@example.com/4");

        Assert.NotNull(update.Entry);
        Assert.Equal(["juliet@example.com/2"], update.Evicted.Select(entry => entry.Jid.ToString()));
        Assert.Equal(["1", "3", "4"], table.GetResources(Jid.Parse("juliet@example.com")).Select(r => r.Jid.Resource).Order());
        Assert.True(table.IsAvailable(Jid.Parse("romeo@example.net")));
        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void When_the_table_is_full_new_contacts_are_refused_and_tracked_ones_keep_updating()
    {
        var table = new PresenceTable(maxPerContact: 10, maxResources: 3, maxBytes: 1_000_000);
        Set(table, "a@example.com/1");
        Set(table, "b@example.com/1");
        Set(table, "c@example.com/1");

        var flood = Set(table, "mallory@evil.example/1");
        var update = table.Set(Jid.Parse("a@example.com/1"), PresenceShow.Away, "later", 0, Now);

        Assert.Null(flood.Entry);
        Assert.Empty(flood.Evicted);
        Assert.True(flood.FirstRefusal);
        Assert.False(Set(table, "mallory@evil.example/2").FirstRefusal);
        Assert.Equal("later", update.Entry?.Status);
        Assert.Equal(["a@example.com", "b@example.com", "c@example.com"], table.GetAvailableContacts().Select(jid => jid.ToString()).Order());
    }

    [Fact]
    public void When_the_table_is_full_a_tracked_contact_makes_room_for_a_new_resource_from_its_own()
    {
        var table = new PresenceTable(maxPerContact: 10, maxResources: 3, maxBytes: 1_000_000);
        Set(table, "a@example.com/1");
        Set(table, "a@example.com/2");
        Set(table, "b@example.com/1");

        var update = Set(table, "a@example.com/3");

        Assert.Equal(["a@example.com/1"], update.Evicted.Select(entry => entry.Jid.ToString()));
        Assert.True(table.IsAvailable(Jid.Parse("b@example.com")));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void The_byte_budget_bounds_the_table_however_long_the_jids_and_statuses_are()
    {
        const long budget = 200_000;
        var table = new PresenceTable(maxPerContact: 1000, maxResources: 100_000, maxBytes: budget);
        var longResource = new string('r', 1000);
        var longStatus = new string('s', 1_000_000);
        for (var i = 0; i < 1000; i++)
        {
            table.Set(Jid.Parse($"user{i}@example.com/{longResource}"), PresenceShow.None, longStatus, 0, Now);
        }

        Assert.InRange(table.Bytes, 1, budget);
        Assert.True(table.Count < 1000);
        var kept = table.GetResources(Jid.Parse("user0@example.com")).Single();
        Assert.Equal(PresenceTable.MaxStatusLength, kept.Status!.Length);
    }

    [Fact]
    public void An_update_that_would_pass_the_byte_budget_keeps_the_presence_without_its_status()
    {
        var table = new PresenceTable(maxPerContact: 10, maxResources: 10, maxBytes: 1_000);
        Set(table, "a@example.com/1");
        var before = table.Bytes;

        var update = table.Set(Jid.Parse("a@example.com/1"), PresenceShow.Dnd, new string('x', 1000), 0, Now);

        Assert.Equal(PresenceShow.Dnd, update.Entry?.Show);
        Assert.Null(update.Entry?.Status);
        Assert.Equal(before, table.Bytes);
    }

    [Fact]
    public void Removing_and_clearing_give_the_room_back()
    {
        var table = new PresenceTable(maxPerContact: 10, maxResources: 2, maxBytes: 1_000_000);
        Set(table, "a@example.com/1");
        Set(table, "b@example.com/1");
        table.Remove(Jid.Parse("a@example.com/1"));
        Assert.NotNull(Set(table, "c@example.com/1").Entry);
        table.RemoveContact(Jid.Parse("b@example.com"));
        Assert.NotNull(Set(table, "d@example.com/1").Entry);

        table.Clear();

        Assert.Equal((0, 0L), (table.Count, table.Bytes));
        Assert.True(Set(table, "e@example.com/1").FirstRefusal is false);
    }

    [Fact]
    public async Task A_resource_the_client_stops_tracking_is_reported_unavailable_and_the_limits_come_from_the_options()
    {
        var changes = new List<string>();
        var options = TestClients.Options() with { Extensions = OnlyExtensions.Availability, MaxTrackedResourcesPerContact = 2 };
        await using var harness = PresenceHarness.Create(options: options);
        harness.Client.Availability.ContactPresenceChanged += args =>
        {
            changes.Add($"{args.Resource.Resource} {args.IsAvailable}");
            return Task.CompletedTask;
        };
        await harness.ConnectAsync();

        await harness.ServerSendsAsync(
            "<presence from='juliet@example.com/a'/>",
            "<presence from='juliet@example.com/b'/>",
            "<presence from='juliet@example.com/c'/>");

        Assert.Equal(["a True", "b True", "a False", "c True"], changes);
        Assert.Equal(["b", "c"], harness.Client.Availability.GetResources(Jid.Parse("juliet@example.com")).Select(r => r.Jid.Resource).Order());
    }

    [Fact]
    public async Task One_contact_flooding_resources_stays_within_the_default_limit_and_other_contacts_stay_tracked()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        await harness.ServerSendsAsync("<presence from='romeo@example.net/phone'/>");

        await harness.ServerSendsAsync([.. Enumerable.Range(0, 300).Select(i => $"<presence from='mallory@evil.example/{i}'/>")]);

        Assert.Equal(256, harness.Client.Availability.GetResources(Jid.Parse("mallory@evil.example")).Count);
        Assert.True(harness.Client.Availability.IsAvailable(Jid.Parse("romeo@example.net")));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Tracking_limits_below_one_are_refused(int total, int perContact)
    {
        var options = TestClients.Options() with { MaxTrackedResources = total, MaxTrackedResourcesPerContact = perContact };

        var error = Assert.ThrowsAny<ArgumentException>(() => new XmppClient(options));

        Assert.Contains("MaxTrackedResources", error.Message, StringComparison.Ordinal);
    }

    private static PresenceUpdate Set(PresenceTable table, string jid) => table.Set(Jid.Parse(jid), PresenceShow.None, null, 0, Now);
}
