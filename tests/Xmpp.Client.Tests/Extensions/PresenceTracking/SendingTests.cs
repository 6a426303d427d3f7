using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.PresenceTracking;

public class SendingTests
{
    [Fact]
    public async Task SendAvailable_broadcasts_show_status_and_priority_without_an_address()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();

        await harness.Client.Availability.SendAvailableAsync(PresenceShow.Dnd, "Busy", -3);

        var sent = await harness.NextSentAsync();
        Assert.Equal(("presence", null, null), (sent.Name, sent.GetAttribute("to"), sent.GetAttribute("type")));
        Assert.Equal(("dnd", "Busy", "-3"),
            (sent.Element("show", "jabber:client")?.Value, sent.Element("status", "jabber:client")?.Value, sent.Element("priority", "jabber:client")?.Value));
    }

    [Fact]
    public async Task SendAvailable_with_the_defaults_is_a_bare_presence()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();

        await harness.Client.Availability.SendAvailableAsync();

        var sent = await harness.NextSentAsync();
        Assert.Empty(sent.Elements());
        Assert.Null(sent.GetAttribute("type"));
    }

    [Fact]
    public async Task SendUnavailable_is_a_broadcast_of_type_unavailable_with_its_status()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();

        await harness.Client.Availability.SendUnavailableAsync("Gone home");

        var sent = await harness.NextSentAsync();
        Assert.Equal((null, "unavailable", "Gone home"), (sent.GetAttribute("to"), sent.GetAttribute("type"), sent.Element("status", "jabber:client")?.Value));
    }

    [Fact]
    public async Task Directed_presence_keeps_the_full_jid_it_is_sent_to()
    {
        await using var harness = await PresenceHarness.ConnectedAsync();
        var room = Jid.Parse("room@conference.example.com/nick");

        await harness.Client.Availability.SendDirectedAsync(room, PresenceShow.Chat);
        await harness.Client.Availability.SendDirectedUnavailableAsync(room, "Bye");

        var available = await harness.NextSentAsync();
        var unavailable = await harness.NextSentAsync();
        Assert.Equal(("room@conference.example.com/nick", null, "chat"), (available.GetAttribute("to"), available.GetAttribute("type"), available.Element("show", "jabber:client")?.Value));
        Assert.Equal(("room@conference.example.com/nick", "unavailable", "Bye"), (unavailable.GetAttribute("to"), unavailable.GetAttribute("type"), unavailable.Element("status", "jabber:client")?.Value));
    }
}
