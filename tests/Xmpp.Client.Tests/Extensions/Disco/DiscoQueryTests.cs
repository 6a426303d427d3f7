using System.Xml.Linq;
using Xmpp.Client.Extensions.Disco;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>Asking others: disco#info and disco#items.</summary>
public class DiscoQueryTests
{
    [Fact]
    public async Task GetInfoAsync_sends_the_node_to_the_entity_and_reads_its_answer()
    {
        var request = new TaskCompletionSource<XElement>();
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            request.SetResult(get.ToXElement());
            await server.AnswerAsync(get, XElement.Parse(CapsExamples.ComplexXml));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var info = await client.Disco.GetInfoAsync(Jid.Parse("benvolio@capulet.lit/230193"), "http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w=");
            var sent = await request.Task;
            Assert.Equal("benvolio@capulet.lit/230193", (string?)sent.Attribute("to"));
            Assert.Equal("http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w=", (string?)sent.Elements().Single().Attribute("node"));
            Assert.Equal(2, info.Identities.Count);
            Assert.Equal(CapsExamples.ComplexVer, CapsHash.Compute(info));
        }
    }

    [Fact]
    public async Task GetItemsAsync_reads_items_and_skips_those_with_an_invalid_jid()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync("http://jabber.org/protocol/disco#items");
            await server.AnswerAsync(get, XElement.Parse(
                "<query xmlns='http://jabber.org/protocol/disco#items'>"
                + "<item jid='conference.example.com' name='Chatrooms'/>"
                + "<item jid='pubsub.example.com' node='news'/>"
                + "<item jid='bad@@jid'/>"
                + "</query>"));
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var items = await client.Disco.GetItemsAsync(Jid.Parse(FakeServer.Domain));
            Assert.Equal(
                [new DiscoItem(Jid.Parse("conference.example.com"), null, "Chatrooms"), new DiscoItem(Jid.Parse("pubsub.example.com"), "news")],
                items);
        }
    }

    [Fact]
    public async Task An_error_answer_throws_with_its_condition()
    {
        var (client, _) = await TestClients.ConnectedAsync(async server =>
        {
            var get = await server.ExpectRequestAsync(ServerScript.DiscoInfo);
            await server.SendAsync($"<iq type='error' id='{get.GetAttribute("id")}' from='{get.GetAttribute("to")}'>"
                + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            await server.UntilClientClosesAsync();
        });
        await using (client)
        {
            var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => client.Disco.GetInfoAsync(Jid.Parse(FakeServer.Domain), "missing"));
            Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.ItemNotFound, error.Error.Condition);
        }
    }
}
