using System.Xml.Linq;
using Xmpp.Client.Extensions.Registration;
using static Xmpp.Client.Tests.Extensions.Gateways.GatewayScript;

namespace Xmpp.Client.Tests.Extensions.Gateways;

/// <summary>Registering with a gateway (XEP-0100 §4.1, §4.3) over in-band registration (XEP-0077).</summary>
public class GatewayRegistrationTests
{
    private static readonly Jid Irc = Jid.Parse("irc.example.com");
    private static readonly XNamespace R = "jabber:iq:register";

    private const string Form = "<query xmlns='jabber:iq:register'><instructions>Your IRC account</instructions><username/><password/></query>";

    private static async Task RegisterAsync(LiveServer live)
    {
        var gateways = live.Client.Gateways();
        var asking = gateways.GetRegistrationFormAsync(Irc);
        await AnswerAsync(live, _ => Form);
        var form = await asking.WaitAsync(Wait);
        Assert.Equal("Your IRC account", form.Instructions);

        var registering = gateways.RegisterAsync(Irc, form.SetCredentials("romeo", "legacy-pass"));
        var submitted = await AnswerAsync(live, request =>
        {
            var query = request.Element(R + "query")!;
            Assert.Equal(("set", "romeo", "legacy-pass"), ((string?)request.Attribute("type"), query.Element(R + "username")?.Value, query.Element(R + "password")?.Value));
            return "";
        });
        Assert.Equal(["irc.example.com"], submitted);
        await registering.WaitAsync(Wait);
    }

    [Fact]
    public async Task After_registering_the_gateways_subscription_request_is_approved_and_answered_with_one()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        await RegisterAsync(live);

        await live.Server.SendAsync("<presence from='stranger.example.com' type='subscribe'/>");
        await live.Server.SendAsync("<presence from='irc.example.com' type='subscribe'/>");
        var approval = (await live.Server.ExpectAsync("presence")).ToX();
        var subscription = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.Equal(("irc.example.com", "subscribed"), ((string?)approval.Attribute("to"), (string?)approval.Attribute("type")));
        Assert.Equal(("irc.example.com", "subscribe"), ((string?)subscription.Attribute("to"), (string?)subscription.Attribute("type")));
    }

    [Fact]
    public async Task A_refused_registration_throws_and_leaves_the_gateways_subscription_request_to_the_application()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();
        var form = RegistrationForm.FromXElement(XElement.Parse(Form)).SetCredentials("romeo", "wrong");

        var registering = gateways.RegisterAsync(Irc, form);
        await AnswerAsync(live, _ => Error("not-acceptable", "modify"));
        var error = await Assert.ThrowsAsync<RegistrationException>(() => registering.WaitAsync(Wait));
        await live.Server.SendAsync("<presence from='irc.example.com' type='subscribe'/>");
        var prompt = gateways.GetPromptAsync(Irc);
        var next = await live.Server.ExpectAsync("iq");

        Assert.Equal(RegistrationError.NotAcceptable, error.Reason);
        Assert.Equal(IqGateway, next.ToX().Elements().Single().Name.NamespaceName);
    }

    [Fact]
    public async Task Unregistering_removes_the_gateway_and_its_contacts_from_the_roster()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var fetching = live.Client.Roster.GetAsync();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><query xmlns='jabber:iq:roster'>"
            + "<item jid='irc.example.com' subscription='both'/>"
            + "<item jid='nick@irc.example.com' subscription='both'/>"
            + "<item jid='carol@example.com' subscription='both'/>"
            + "</query></iq>");
        await fetching.WaitAsync(Wait);

        var unregistering = live.Client.Gateways().UnregisterAsync(Irc);
        var removal = await AnswerAsync(live, request =>
        {
            Assert.NotNull(request.Element(R + "query")!.Element(R + "remove"));
            return "";
        });
        var removed = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
            var item = request.Elements().Single().Elements().Single();
            Assert.Equal("remove", (string?)item.Attribute("subscription"));
            removed.Add((string)item.Attribute("jid")!);
        }

        Assert.Equal(2, await unregistering.WaitAsync(Wait));
        Assert.Equal(["irc.example.com"], removal);
        Assert.Equal(["irc.example.com", "nick@irc.example.com"], removed.Order(StringComparer.Ordinal));
    }
}
