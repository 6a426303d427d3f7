using System.Xml.Linq;
using Xmpp.Client.Extensions.Gateways;
using static Xmpp.Client.Tests.Extensions.Gateways.GatewayScript;

namespace Xmpp.Client.Tests.Extensions.Gateways;

/// <summary>Legacy addresses and JIDs: jabber:iq:gateway (XEP-0100 §6.3) and XEP-0106 escaping.</summary>
public class GatewayAddressTests
{
    private static readonly Jid Irc = Jid.Parse("irc.example.com");

    [Fact]
    public async Task The_prompt_is_asked_with_a_get_and_read_with_its_description()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        XElement? sent = null;

        var asking = live.Client.Gateways().GetPromptAsync(Irc);
        await AnswerAsync(live, request =>
        {
            sent = request;
            return $"<query xmlns='{IqGateway}'><desc>Enter the nick of the person to contact.</desc><prompt>Nick</prompt></query>";
        });

        Assert.Equal(new GatewayPrompt("Enter the nick of the person to contact.", "Nick"), await asking.WaitAsync(Wait));
        Assert.Equal(("get", "irc.example.com"), ((string?)sent!.Attribute("type"), (string?)sent.Attribute("to")));
        Assert.NotNull(sent.Element(G + "query"));
    }

    [Fact]
    public async Task A_prompt_without_description_reads_with_none()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);

        var asking = live.Client.Gateways().GetPromptAsync(Irc);
        await AnswerAsync(live, _ => $"<query xmlns='{IqGateway}'><prompt>Nick</prompt></query>");

        Assert.Equal(new GatewayPrompt(null, "Nick"), await asking.WaitAsync(Wait));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<query xmlns='jabber:iq:gateway'><desc>only a description</desc></query>")]
    [InlineData("<query xmlns='jabber:iq:other'><prompt>Nick</prompt></query>")]
    public async Task A_prompt_answer_without_a_prompt_is_an_error(string answer)
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);

        var asking = live.Client.Gateways().GetPromptAsync(Irc);
        await AnswerAsync(live, _ => answer);

        await Assert.ThrowsAsync<XmppException>(() => asking.WaitAsync(Wait));
    }

    [Fact]
    public async Task Translating_sends_the_address_in_the_prompt_and_returns_the_jid_given()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        XElement? sent = null;

        var translating = live.Client.Gateways().TranslateAsync(Irc, "user@legacy");
        await AnswerAsync(live, request =>
        {
            sent = request;
            return $"<query xmlns='{IqGateway}'><jid>user\\40legacy@irc.example.com</jid></query>";
        });

        var jid = await translating.WaitAsync(Wait);
        Assert.Equal("user\\40legacy@irc.example.com", jid.ToString());
        Assert.Equal("user@legacy", GatewaysExtension.GetLegacyAddress(jid));
        Assert.Equal("set", (string?)sent!.Attribute("type"));
        Assert.Equal("user@legacy", sent.Element(G + "query")!.Element(G + "prompt")!.Value);
    }

    [Theory]
    [InlineData("service-unavailable")]
    [InlineData("feature-not-implemented")]
    public async Task A_gateway_without_jabber_iq_gateway_gets_the_address_escaped(string condition)
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);

        var translating = live.Client.Gateways().TranslateAsync(Irc, "d'artagnan@legacy example");
        await AnswerAsync(live, _ => Error(condition));

        Assert.Equal("d\\27artagnan\\40legacy\\20example@irc.example.com", (await translating.WaitAsync(Wait)).ToString());
    }

    [Fact]
    public async Task A_known_gateway_that_announces_no_translation_is_not_asked()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();
        var icq = Jid.Parse("icq.example.com");
        var asking = gateways.GetGatewayAsync(icq);
        await AnswerAsync(live, _ => InfoOf("gateway", "icq", "jabber:iq:register"));
        await asking.WaitAsync(Wait);

        var jid = await gateways.TranslateAsync(icq, "123 456").WaitAsync(Wait);
        var prompt = gateways.GetPromptAsync(Irc);
        var next = await AnswerAsync(live, _ => $"<query xmlns='{IqGateway}'><prompt>Nick</prompt></query>");

        Assert.Equal("123\\20456@icq.example.com", jid.ToString());
        Assert.Equal(["irc.example.com"], next);
        await prompt.WaitAsync(Wait);
    }

    [Fact]
    public async Task Another_refusal_is_the_gateways_error()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);

        var translating = live.Client.Gateways().TranslateAsync(Irc, "no such user");
        await AnswerAsync(live, _ => Error("not-acceptable", "modify"));

        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => translating.WaitAsync(Wait));
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.NotAcceptable, error.Error.Condition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<query xmlns='jabber:iq:gateway'/>")]
    [InlineData("<query xmlns='jabber:iq:gateway'><jid>not@@a jid</jid></query>")]
    [InlineData("<query xmlns='jabber:iq:gateway'><jid>user@elsewhere.example.com</jid></query>")]
    [InlineData("<query xmlns='jabber:iq:gateway'><jid>irc.example.com</jid></query>")]
    public async Task A_malformed_translation_is_an_error(string answer)
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);

        var translating = live.Client.Gateways().TranslateAsync(Irc, "user@legacy");
        await AnswerAsync(live, _ => answer);

        await Assert.ThrowsAsync<XmppException>(() => translating.WaitAsync(Wait));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_sent()
    {
        await using var live = await LiveServer.StartAsync(GatewaysOnly);
        var gateways = live.Client.Gateways();

        await Assert.ThrowsAsync<ArgumentException>(() => gateways.TranslateAsync(Jid.Parse("bot@example.com"), "user"));
        await Assert.ThrowsAsync<ArgumentException>(() => gateways.TranslateAsync(Irc, " "));
        await Assert.ThrowsAsync<ArgumentException>(() => gateways.GetPromptAsync(Jid.Parse("irc.example.com/res")));
        Assert.Throws<ArgumentException>(() => GatewaysExtension.EscapeAddress(Irc, " leading space"));
        Assert.Throws<ArgumentException>(() => GatewaysExtension.GetLegacyAddress(Irc));
    }

    [Theory]
    [InlineData("user@legacy", "user\\40legacy")]
    [InlineData("c:\\net", "c\\3a\\net")]
    [InlineData("simple", "simple")]
    public void Escaping_and_unescaping_round_trip(string address, string local)
    {
        var jid = GatewaysExtension.EscapeAddress(Irc, address);

        Assert.Equal(new Jid(local, "irc.example.com"), jid);
        Assert.Equal(address, GatewaysExtension.GetLegacyAddress(jid));
    }
}
