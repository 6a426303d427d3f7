using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class StanzaTests
{
    private static readonly XName Delay = XName.Get("delay", "urn:xmpp:delay");
    private static readonly XName Receipt = XName.Get("request", "urn:xmpp:receipts");

    /// <summary>A payload class as a user would write one (XEP-0107 user mood).</summary>
    private sealed record Mood(string Value, string? Text) : IXmppPayload<Mood>
    {
        public static XName ElementName { get; } = XName.Get("mood", "http://jabber.org/protocol/mood");

        public static Mood FromXElement(XElement element) => new(
            element.Elements().First(e => e.Name.LocalName != "text").Name.LocalName,
            element.Element(ElementName.Namespace + "text")?.Value);

        public XElement ToXElement() => new(
            ElementName,
            new XElement(ElementName.Namespace + Value),
            Text is null ? null : new XElement(ElementName.Namespace + "text", Text));
    }

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
    public void Payloads_returns_only_elements_outside_jabber_client()
    {
        var message = Parse<Message>(
            "<message type='error'><body>hi</body><thread>t</thread>" +
            $"<error type='cancel'><bad-request xmlns='{StanzasUri}'/></error>" +
            "<active xmlns='http://jabber.org/protocol/chatstates'/><delay xmlns='urn:xmpp:delay' stamp='2002-09-10T23:08:25Z'/></message>");

        Assert.Equal(
            [XName.Get("active", "http://jabber.org/protocol/chatstates"), Delay],
            message.Payloads.Select(p => p.Name));
    }

    [Fact]
    public void Payloads_are_copies()
    {
        var message = Parse<Message>("<message><delay xmlns='urn:xmpp:delay' stamp='x'/></message>");

        foreach (XElement payload in message.Payloads)
        {
            payload.SetAttributeValue("stamp", "changed");
        }

        Assert.Equal("x", message.GetPayload(Delay)!.Attribute("stamp")?.Value);
    }

    [Fact]
    public void GetPayload_returns_a_copy_of_the_first_match()
    {
        var message = Parse<Message>(
            "<message><delay xmlns='urn:xmpp:delay' stamp='first'/><delay xmlns='urn:xmpp:delay' stamp='second'/></message>");

        XElement delay = message.GetPayload(Delay)!;
        delay.SetAttributeValue("stamp", "changed");
        delay.Add(new XElement("extra"));

        Assert.Equal("first", message.GetPayload(Delay)!.Attribute("stamp")?.Value);
        Assert.False(message.GetPayload(Delay)!.HasElements);
    }

    [Fact]
    public void GetPayload_matches_name_and_namespace()
    {
        var message = Parse<Message>("<message><delay xmlns='urn:xmpp:delay:old'/></message>");

        Assert.Null(message.GetPayload(Delay));
        Assert.False(message.HasPayload(Delay));
        Assert.True(message.HasPayload(XName.Get("delay", "urn:xmpp:delay:old")));
    }

    [Fact]
    public void GetPayload_keeps_nested_content_attributes_and_text()
    {
        var message = Parse<Message>(
            "<message><x xmlns='jabber:x:data' type='form'><field var='a' type='text-single'><value>1 &amp; 2</value></field>" +
            "<p:y xmlns:p='urn:p' p:at='v'/></x></message>");

        XElement x = message.GetPayload(XName.Get("x", "jabber:x:data"))!;

        Assert.Equal("form", x.Attribute("type")?.Value);
        Assert.Equal("1 & 2", x.Element(XName.Get("field", "jabber:x:data"))!.Value);
        Assert.Equal("v", x.Element(XName.Get("y", "urn:p"))!.Attribute(XName.Get("at", "urn:p"))?.Value);
    }

    [Fact]
    public void AddPayload_adds_a_copy()
    {
        var message = new Message();
        var receipt = new XElement(Receipt);

        message.AddPayload(receipt);
        receipt.SetAttributeValue("changed", "yes");

        Assert.True(message.HasPayload(Receipt));
        Assert.Null(message.GetPayload(Receipt)!.Attribute("changed"));
        Assert.Equal("<message xmlns=\"jabber:client\"><request xmlns=\"urn:xmpp:receipts\" /></message>", message.ToString());
    }

    [Fact]
    public void AddPayload_ignores_namespace_declarations_and_keeps_prefixed_attributes()
    {
        var payload = XElement.Parse("<p:x xmlns:p='urn:p' xmlns:q='urn:q' q:a='1'><p:y/></p:x>");
        var message = new Message();

        message.AddPayload(payload);

        XElement copy = message.GetPayload(XName.Get("x", "urn:p"))!;
        Assert.Equal("1", copy.Attribute(XName.Get("a", "urn:q"))?.Value);
        Assert.NotNull(copy.Element(XName.Get("y", "urn:p")));
    }

    [Theory]
    [InlineData("jabber:client")]
    [InlineData("")]
    public void AddPayload_rejects_elements_without_their_own_namespace(string ns)
    {
        var message = new Message();

        var error = Assert.Throws<ArgumentException>(() => message.AddPayload(new XElement(XName.Get("body", ns), "sneaky")));

        Assert.Equal("payload", error.ParamName);
        Assert.Null(message.Body);
    }

    [Fact]
    public void AddPayload_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => new Message().AddPayload(null!));
        Assert.Throws<ArgumentNullException>(() => new Message().AddPayload<Mood>(null!));
    }

    [Fact]
    public void RemovePayloads_removes_every_match_and_counts_them()
    {
        var message = Parse<Message>(
            "<message><body>b</body><delay xmlns='urn:xmpp:delay'/><x xmlns='urn:x'/><delay xmlns='urn:xmpp:delay'/></message>");

        Assert.Equal(2, message.RemovePayloads(Delay));
        Assert.Equal(0, message.RemovePayloads(Delay));
        Assert.Equal([XName.Get("x", "urn:x")], message.Payloads.Select(p => p.Name));
        Assert.Equal("b", message.Body);
    }

    [Fact]
    public void Typed_payloads_are_written_and_read_through_their_class()
    {
        var message = new Message(Jid.Parse("juliet@example.com"), "hi");

        message.AddPayload(new Mood("happy", "Yay!"));

        Assert.Equal(new Mood("happy", "Yay!"), message.GetPayload<Mood>());
        XElement raw = message.GetPayload(Mood.ElementName)!;
        Assert.Equal(XName.Get("happy", "http://jabber.org/protocol/mood"), raw.Elements().First().Name);
    }

    [Fact]
    public void GetPayload_of_a_type_that_is_absent_is_null()
    {
        Assert.Null(Parse<Message>("<message><x xmlns='urn:x'/></message>").GetPayload<Mood>());
    }

    [Fact]
    public void Typed_payloads_are_read_from_received_stanzas()
    {
        var message = Parse<Message>("<message><mood xmlns='http://jabber.org/protocol/mood'><sad/></mood></message>");

        Assert.Equal(new Mood("sad", null), message.GetPayload<Mood>());
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
