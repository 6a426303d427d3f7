using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

/// <summary>Stanzas written by <see cref="XmlStreamWriter"/> and read back by <see cref="XmlStreamReader"/> keep every typed property.</summary>
public class StanzaRoundTripTests
{
    private const string Header =
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' " +
        "from='example.com' id='s1' version='1.0' xml:lang='en'>";

    private const string Tricky = "<b>&amp;</b> \"quoted\" 'single' ]]> tab\tCR\rLF\nCRLF\r\n end";
    private const string Unicode = "Grüße, 世界! 👋🏽 Ελληνικά עברית \u00A0\u2028 \uFFFD";

    private static async Task<T> RoundTripAsync<T>(T stanza)
        where T : Stanza
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(Encoding.UTF8.GetBytes(Header));
        XmlStreamWriter.WriteElement(output, stanza.Element);
        XmlStreamWriter.WriteStreamEnd(output);

        var reader = new XmlStreamReader(PipeReader.Create(new ReadOnlySequence<byte>(output.WrittenMemory)));
        await reader.ReadHeaderAsync(CancellationToken.None);
        XmppElement? element = await reader.ReadElementAsync(CancellationToken.None);
        Assert.NotNull(element);
        Assert.Null(await reader.ReadElementAsync(CancellationToken.None));
        return Assert.IsType<T>(StanzaFactory.FromElement(element));
    }

    [Fact]
    public async Task A_message_keeps_addresses_type_bodies_subject_thread_and_payloads()
    {
        var message = new Message(Jid.Parse("juliet@example.com/balcony"), Tricky, MessageType.Chat)
        {
            From = Jid.Parse("romeo@example.net/orchard"),
            Id = "id-<&>\"'",
            Language = "en",
            Subject = Unicode,
            Thread = "thread & <1>",
        };
        message.SetBody(Unicode, "de");
        message.AddPayload(new XElement(XName.Get("x", "urn:x"), new XAttribute("a", Tricky), new XElement(XName.Get("y", "urn:y"), Unicode)));

        Message read = await RoundTripAsync(message);

        Assert.Equal(message.To, read.To);
        Assert.Equal(message.From, read.From);
        Assert.Equal(message.Id, read.Id);
        Assert.Equal("en", read.Language);
        Assert.Equal(MessageType.Chat, read.Type);
        Assert.Equal(Tricky, read.Body);
        Assert.Equal(Unicode, read.GetBody("de"));
        Assert.Equal(Unicode, read.Subject);
        Assert.Equal("thread & <1>", read.Thread);
        XElement x = read.GetPayload(XName.Get("x", "urn:x"))!;
        Assert.Equal(Tricky, x.Attribute("a")?.Value);
        Assert.Equal(Unicode, x.Element(XName.Get("y", "urn:y"))!.Value);
        SameXml(message.ToXElement(), read.ToXElement());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t \r\n")]
    [InlineData("&lt;not an entity&gt;")]
    public async Task Empty_and_whitespace_only_text_survives(string text)
    {
        var message = new Message { Body = text, Subject = text, Thread = "t" };

        Message read = await RoundTripAsync(message);

        Assert.Equal(text, read.Body);
        Assert.Equal(text, read.Subject);
    }

    [Fact]
    public async Task A_presence_keeps_type_show_status_and_priority()
    {
        var presence = new Presence(PresenceType.Available) { Show = PresenceShow.Dnd, Status = Tricky + Unicode, Priority = -128 };

        Presence read = await RoundTripAsync(presence);

        Assert.Equal(PresenceType.Available, read.Type);
        Assert.Equal(PresenceShow.Dnd, read.Show);
        Assert.Equal(Tricky + Unicode, read.Status);
        Assert.Equal(-128, read.Priority);
    }

    [Theory]
    [InlineData(PresenceType.Unavailable)]
    [InlineData(PresenceType.Subscribe)]
    [InlineData(PresenceType.Subscribed)]
    [InlineData(PresenceType.Unsubscribe)]
    [InlineData(PresenceType.Unsubscribed)]
    [InlineData(PresenceType.Probe)]
    public async Task Each_presence_type_survives(PresenceType type)
    {
        Presence read = await RoundTripAsync(new Presence(type) { To = Jid.Parse("juliet@example.com") });

        Assert.Equal(type, read.Type);
        Assert.Equal(Jid.Parse("juliet@example.com"), read.To);
    }

    [Fact]
    public async Task An_iq_request_keeps_type_id_and_payload()
    {
        var payload = XElement.Parse("<query xmlns='jabber:iq:roster' ver='ver7'><item jid='nurse@example.com' name='Nurse &amp; co'><group>Servants</group></item></query>");
        var iq = new Iq(IqType.Set, payload) { To = Jid.Parse("example.com") };

        Iq read = await RoundTripAsync(iq);

        Assert.Equal(IqType.Set, read.Type);
        Assert.True(read.IsRequest);
        Assert.Equal(iq.Id, read.Id);
        Assert.Equal(XName.Get("query", "jabber:iq:roster"), read.PayloadName);
        SameXml(payload, read.Payload);
    }

    [Fact]
    public async Task An_iq_error_keeps_condition_type_text_and_by()
    {
        var request = new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping")), "p1") { From = Jid.Parse("romeo@example.net/orchard") };
        Iq error = request.CreateError(new StanzaError(StanzaErrorCondition.NotAllowed, Tricky + Unicode, StanzaErrorType.Auth) { By = "example.com" });

        Iq read = await RoundTripAsync(error);

        Assert.Equal(IqType.Error, read.Type);
        Assert.Equal("p1", read.Id);
        Assert.Equal(Jid.Parse("romeo@example.net/orchard"), read.To);
        Assert.Equal(StanzaErrorCondition.NotAllowed, read.Error!.Condition);
        Assert.Equal(StanzaErrorType.Auth, read.Error.Type);
        Assert.Equal(Tricky + Unicode, read.Error.Text);
        Assert.Equal("example.com", read.Error.By);
        Assert.Null(read.Payload);
    }

    [Fact]
    public async Task A_jid_with_unicode_and_escaped_characters_survives()
    {
        var to = new Jid("düsseldorf", "例え.jp", "résource/with/slashes & <angles>");

        Message read = await RoundTripAsync(new Message(to, "hi"));

        Assert.Equal(to, read.To);
        Assert.Equal("résource/with/slashes & <angles>", read.To!.Value.Resource);
    }
}
