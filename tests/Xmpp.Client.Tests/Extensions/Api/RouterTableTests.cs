using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Api;

/// <summary>The routing table itself, without a connection.</summary>
public class RouterTableTests
{
    [Fact]
    public async Task The_built_in_routes_see_a_chat_message_with_a_chat_state()
    {
        await using var client = new XmppClient(TestClients.Options() with { Extensions = XmppExtensionSet.Default });
        var states = 0;
        client.ChatStates.ChatStateReceived += _ =>
        {
            states++;
            return Task.CompletedTask;
        };
        client.Receipts.AnswerRequests = false;
        var message = (Message)StanzaFactory.FromElement(XmppElement.FromXElement(XElement.Parse(
            "<message xmlns='jabber:client' from='juliet@example.com/balcony' type='chat' id='m1'><body>hi</body>"
            + "<request xmlns='urn:xmpp:receipts'/><active xmlns='http://jabber.org/protocol/chatstates'/></message>")))!;

        Assert.False(await client.ExtensionHost.Router.RouteAsync(message, default));
        Assert.Equal(1, states);
    }
}
