using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

/// <summary>Extension payloads of a stanza, as <see cref="XElement"/> copies and as typed <see cref="IXmppPayload{TSelf}"/> objects.</summary>
public class StanzaPayloadTests
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
        Assert.Throws<ArgumentNullException>(() => new Message().AddPayload((XElement)null!));
        Assert.Throws<ArgumentNullException>(() => new Message().AddPayload((XName)null!));
        Assert.Throws<ArgumentNullException>(() => new Message().AddPayload<Mood>(null!));
    }

    [Fact]
    public void A_payloads_attribute_is_read_without_a_copy_and_null_when_missing()
    {
        var message = new Message();
        message.AddPayload(XName.Get("received", "urn:xmpp:receipts"), "id", "m1");

        Assert.Equal("m1", message.GetPayloadAttribute(XName.Get("received", "urn:xmpp:receipts"), "id"));
        Assert.Null(message.GetPayloadAttribute(XName.Get("received", "urn:xmpp:receipts"), "by"));
        Assert.Null(message.GetPayloadAttribute(XName.Get("request", "urn:xmpp:receipts"), "id"));
    }

    [Fact]
    public void An_empty_payload_or_one_with_an_attribute_is_added_by_name()
    {
        var message = new Message();
        message.AddPayload(XName.Get("request", "urn:xmpp:receipts"));
        message.AddPayload(XName.Get("origin-id", "urn:xmpp:sid:0"), "id", "a<b");

        Assert.Equal(
            "<message xmlns=\"jabber:client\"><request xmlns=\"urn:xmpp:receipts\" /><origin-id id=\"a&lt;b\" xmlns=\"urn:xmpp:sid:0\" /></message>",
            message.ToXElement().ToString(SaveOptions.DisableFormatting));
        Assert.Throws<ArgumentException>(() => message.AddPayload(XName.Get("body", "jabber:client")));
        Assert.Throws<ArgumentException>(() => message.AddPayload(XName.Get("plain")));
        Assert.Throws<ArgumentException>(() => message.AddPayload(XName.Get("x", "urn:example"), "", "v"));
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
}
