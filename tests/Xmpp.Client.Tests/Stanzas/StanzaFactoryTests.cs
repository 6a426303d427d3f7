using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class StanzaFactoryTests
{
    [Theory]
    [InlineData("<message xmlns='jabber:client'/>", typeof(Message))]
    [InlineData("<presence xmlns='jabber:client'/>", typeof(Presence))]
    [InlineData("<iq xmlns='jabber:client' type='result' id='1'/>", typeof(Iq))]
    public void Makes_the_class_for_each_stanza_kind(string xml, Type expected)
    {
        Assert.IsType(expected, StanzaFactory.FromElement(Tree(xml)));
    }

    [Theory]
    [InlineData("<message xmlns='jabber:server'/>")]
    [InlineData("<message xmlns='urn:other'/>")]
    [InlineData("<iq xmlns='jabber:component:accept' type='get' id='1'/>")]
    [InlineData("<features xmlns='http://etherx.jabber.org/streams'/>")]
    [InlineData("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")]
    [InlineData("<r xmlns='urn:xmpp:sm:3'/>")]
    [InlineData("<Message xmlns='jabber:client'/>")]
    [InlineData("<body xmlns='jabber:client'/>")]
    public void Other_names_or_namespaces_are_not_stanzas(string xml)
    {
        Assert.Null(StanzaFactory.FromElement(Tree(xml)));
    }

    [Fact]
    public void An_element_in_no_namespace_is_not_a_stanza()
    {
        Assert.Null(StanzaFactory.FromElement(new XmppElement("message", "")));
    }

    [Fact]
    public void The_stanza_reads_the_element_it_was_made_from()
    {
        XmppElement element = Tree("<message type='chat'><body>hi</body></message>");

        var message = (Message)StanzaFactory.FromElement(element)!;
        message.Body = "changed";

        Assert.Same(element, message.Element);
        Assert.Equal("changed", element.Element("body", ClientUri)!.Value);
    }
}
