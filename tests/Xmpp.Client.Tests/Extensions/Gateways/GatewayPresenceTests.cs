using Xmpp.Client.Extensions.Availability;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Extensions.Gateways.GatewayScript;

namespace Xmpp.Client.Tests.Extensions.Gateways;

/// <summary>Logging in and out of the legacy network (XEP-0100 §4.4–4.5), and the gateway's contacts in the roster.</summary>
public class GatewayPresenceTests
{
    private static readonly Jid Irc = Jid.Parse("irc.example.com");

    [Fact]
    public async Task Logging_in_and_out_sends_directed_presence_to_the_gateway()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();

        await gateways.LogInAsync(Irc, PresenceShow.Away, "brb");
        var available = (await live.Server.ExpectAsync("presence")).ToX();
        await gateways.LogOutAsync(Irc);
        var unavailable = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.Equal("irc.example.com", (string?)available.Attribute("to"));
        Assert.Null(available.Attribute("type"));
        Assert.Equal("away", available.Elements().First(e => e.Name.LocalName == "show").Value);
        Assert.Equal(("irc.example.com", "unavailable"), ((string?)unavailable.Attribute("to"), (string?)unavailable.Attribute("type")));
        Assert.Throws<ArgumentException>(() => gateways.LogInAsync(Jid.Parse("nick@irc.example.com")).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task The_gateways_presence_says_whether_the_account_is_logged_in()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();
        var seen = System.Threading.Channels.Channel.CreateUnbounded<ContactPresenceChangedEventArgs>();
        live.Client.Availability.ContactPresenceChanged += change =>
        {
            seen.Writer.TryWrite(change);
            return Task.CompletedTask;
        };
        Assert.False(gateways.IsLoggedIn(Irc));

        await live.Server.SendAsync("<presence from='irc.example.com'/>");
        await seen.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        var inAfterAvailable = gateways.IsLoggedIn(Irc);
        await live.Server.SendAsync("<presence from='irc.example.com' type='unavailable'/>");
        await seen.Reader.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.True(inAfterAvailable);
        Assert.False(gateways.IsLoggedIn(Irc));
    }

    [Fact]
    public async Task The_contacts_of_a_gateway_are_the_roster_items_at_its_domain()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var fetching = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster'>"
            + "<item jid='irc.example.com' subscription='both'/>"
            + "<item jid='alice\\40legacy@irc.example.com' subscription='both'/>"
            + "<item jid='bob@irc.example.com' subscription='to'/>"
            + "<item jid='carol@example.com' subscription='both'/>"
            + "<item jid='dave@icq.example.com' subscription='both'/>"
            + "</query></iq>");
        await fetching.WaitAsync(Wait);

        var contacts = live.Client.Gateways().GetContacts(Irc);

        Assert.Equal(["alice\\40legacy@irc.example.com", "bob@irc.example.com"], contacts.Select(c => c.Jid.ToString()).Order(StringComparer.Ordinal));
    }
}
