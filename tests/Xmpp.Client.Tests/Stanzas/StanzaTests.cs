using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

/// <summary>What every stanza shares: addresses, id, language, and its XML form.</summary>
public class StanzaTests
{
    [Fact]
    public void To_and_from_are_parsed_from_the_attributes()
    {
        var message = Parse<Message>("<message from='Romeo@Example.NET/orchard' to='juliet@example.com'/>");

        Assert.Equal(Jid.Parse("romeo@example.net/orchard"), message.From);
        Assert.Equal(Jid.Parse("juliet@example.com"), message.To);
    }

    [Fact]
    public void To_and_from_are_null_when_absent()
    {
        var presence = Parse<Presence>("<presence/>");

        Assert.Null(presence.To);
        Assert.Null(presence.From);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@example.com")]
    [InlineData("user@")]
    [InlineData("a b@example.com")]
    [InlineData("user@example.com/")]
    public void An_invalid_jid_in_an_incoming_attribute_reads_as_null(string attribute)
    {
        var message = Parse<Message>($"<message from='{attribute}' to='{attribute}'><body>hi</body></message>");

        Assert.Null(message.From);
        Assert.Null(message.To);
        Assert.Equal("hi", message.Body);
    }

    [Fact]
    public void Setting_to_and_from_writes_the_normalised_jid()
    {
        var message = new Message
        {
            To = new Jid("Juliet", "Example.COM", "balcony"),
            From = Jid.Parse("romeo@example.net"),
        };

        XElement xml = message.ToXElement();
        Assert.Equal("juliet@example.com/balcony", xml.Attribute("to")?.Value);
        Assert.Equal("romeo@example.net", xml.Attribute("from")?.Value);
        Assert.Equal(Jid.Parse("juliet@example.com/balcony"), message.To);
    }

    [Fact]
    public void Setting_to_null_removes_the_attribute()
    {
        var message = Parse<Message>("<message to='a@b' from='c@d'/>");
        _ = message.To;

        message.To = null;
        message.From = null;

        Assert.Null(message.To);
        Assert.Null(message.From);
        Assert.False(message.ToXElement().HasAttributes);
    }

    [Fact]
    public void Setting_to_replaces_a_previously_read_value()
    {
        var iq = Parse<Iq>("<iq type='get' id='1' to='a@b'><ping xmlns='urn:xmpp:ping'/></iq>");
        Assert.Equal(Jid.Parse("a@b"), iq.To);

        iq.To = Jid.Parse("c@d");

        Assert.Equal(Jid.Parse("c@d"), iq.To);
        Assert.Equal("c@d", iq.ToXElement().Attribute("to")?.Value);
    }

    [Fact]
    public void An_empty_jid_is_not_an_address()
    {
        var message = new Message { To = Jid.Parse("a@b") };

        Assert.Throws<ArgumentException>(() => message.To = default(Jid));
        Assert.Throws<ArgumentException>(() => message.From = default(Jid));
        Assert.Throws<ArgumentException>(() => new Message(default, "hi"));
        Assert.Equal("a@b", message.ToXElement().Attribute("to")?.Value);
        Assert.Equal(Jid.Parse("a@b"), message.To);
    }

    [Fact]
    public void Id_reads_sets_and_removes_the_attribute_of_a_message()
    {
        var message = Parse<Message>("<message id='abc'/>");
        Assert.Equal("abc", message.Id);

        message.Id = "def";
        Assert.Equal("def", message.ToXElement().Attribute("id")?.Value);

        message.Id = null;
        Assert.Null(message.Id);
        Assert.Null(message.ToXElement().Attribute("id"));
    }

    [Fact]
    public void An_empty_id_is_rejected_on_messages_and_presences()
    {
        Assert.Throws<ArgumentException>(() => new Message { Id = "" });
        Assert.Throws<ArgumentException>(() => new Presence { Id = "" });
    }

    [Fact]
    public void Language_reads_and_writes_xml_lang()
    {
        var message = Parse<Message>("<message xml:lang='en-GB'/>");
        Assert.Equal("en-GB", message.Language);

        message.Language = "de";
        Assert.Equal("de", message.ToXElement().Attribute(XmlNs + "lang")?.Value);

        message.Language = null;
        Assert.Null(message.Language);
        Assert.Null(message.ToXElement().Attribute(XmlNs + "lang"));
    }

    [Fact]
    public void Language_ignores_a_lang_attribute_without_the_xml_prefix()
    {
        Assert.Null(Parse<Message>("<message lang='en'/>").Language);
    }

    [Fact]
    public void ToXElement_is_a_copy_that_round_trips()
    {
        const string Xml =
            "<message from='romeo@example.net/orchard' to='juliet@example.com' id='m1' type='chat' xml:lang='en' xmlns='jabber:client'>" +
            "<body>hi &lt;3</body><thread>t</thread><x xmlns='urn:x' a='1'><y>z</y></x></message>";
        var message = Parse<Message>(Xml);

        XElement copy = message.ToXElement();
        copy.RemoveNodes();

        SameXml(XElement.Parse(Xml), message.ToXElement());
        var again = Parse<Message>(message.ToString());
        Assert.Equal(message.ToString(), again.ToString());
        Assert.Equal("hi <3", again.Body);
    }

    [Fact]
    public void ToString_is_the_xml_of_the_stanza()
    {
        var presence = new Presence(PresenceType.Unavailable) { To = Jid.Parse("a@b"), Status = "<bye> & \"farewell\"" };

        Assert.Equal(
            "<presence type=\"unavailable\" to=\"a@b\" xmlns=\"jabber:client\"><status>&lt;bye&gt; &amp; \"farewell\"</status></presence>",
            presence.ToString());
    }
}
