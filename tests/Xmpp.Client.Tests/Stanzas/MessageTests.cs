using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class MessageTests
{
    private static readonly Jid Juliet = Jid.Parse("juliet@example.com/balcony");
    private static readonly Jid Romeo = Jid.Parse("romeo@example.net/orchard");

    [Theory]
    [InlineData("chat", MessageType.Chat)]
    [InlineData("groupchat", MessageType.Groupchat)]
    [InlineData("headline", MessageType.Headline)]
    [InlineData("error", MessageType.Error)]
    [InlineData("normal", MessageType.Normal)]
    public void Type_reads_each_type_attribute(string attribute, MessageType expected)
    {
        var message = Parse<Message>($"<message type='{attribute}'/>");

        Assert.Equal(expected, message.Type);
    }

    [Fact]
    public void Type_is_normal_when_the_attribute_is_absent()
    {
        Assert.Equal(MessageType.Normal, Parse<Message>("<message/>").Type);
        Assert.Equal(MessageType.Normal, new Message().Type);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("Chat")]
    [InlineData("")]
    public void Type_is_normal_for_a_type_the_client_does_not_understand(string attribute)
    {
        // RFC 6121 §5.2.2: an unknown type MUST be treated as normal.
        Assert.Equal(MessageType.Normal, Parse<Message>($"<message type='{attribute}'/>").Type);
    }

    [Theory]
    [InlineData(MessageType.Chat, "chat")]
    [InlineData(MessageType.Groupchat, "groupchat")]
    [InlineData(MessageType.Headline, "headline")]
    [InlineData(MessageType.Error, "error")]
    public void Type_writes_each_type_attribute(MessageType type, string expected)
    {
        var message = new Message { Type = type };

        Assert.Equal(expected, message.ToXElement().Attribute("type")?.Value);
        Assert.Equal(type, message.Type);
    }

    [Fact]
    public void Setting_type_normal_removes_the_attribute()
    {
        var message = Parse<Message>("<message type='chat'/>");

        message.Type = MessageType.Normal;

        Assert.Null(message.ToXElement().Attribute("type"));
        Assert.Equal(MessageType.Normal, message.Type);
    }

    [Fact]
    public void Setting_a_type_outside_the_enum_throws()
    {
        var message = new Message { Type = MessageType.Chat };

        Assert.Throws<ArgumentOutOfRangeException>(() => message.Type = (MessageType)42);
        Assert.Equal(MessageType.Chat, message.Type);
    }

    [Fact]
    public void Constructor_with_recipient_and_body_makes_a_chat_message()
    {
        var message = new Message(Juliet, "Art thou not Romeo?");

        Assert.Equal(Juliet, message.To);
        Assert.Equal(MessageType.Chat, message.Type);
        Assert.Equal("Art thou not Romeo?", message.Body);
        Assert.Null(message.From);
        Assert.Null(message.Id);
        Assert.Equal(
            "<message to=\"juliet@example.com/balcony\" type=\"chat\" xmlns=\"jabber:client\"><body>Art thou not Romeo?</body></message>",
            message.ToString());
    }

    [Fact]
    public void Constructor_takes_a_type_and_a_null_body()
    {
        var message = new Message(Juliet, null, MessageType.Headline);

        Assert.Equal(MessageType.Headline, message.Type);
        Assert.Null(message.Body);
        Assert.Empty(Core(message, "body"));
    }

    [Fact]
    public void Empty_message_is_a_bare_message_element_in_jabber_client()
    {
        var message = new Message();

        XElement xml = message.ToXElement();
        Assert.Equal(ClientNs + "message", xml.Name);
        Assert.False(xml.HasAttributes);
        Assert.False(xml.HasElements);
        Assert.Null(message.Body);
        Assert.Null(message.Subject);
        Assert.Null(message.Thread);
        Assert.Empty(message.Bodies);
    }

    [Fact]
    public void Subject_reads_sets_and_removes_the_subject_element()
    {
        var message = Parse<Message>("<message><subject>I implore you!</subject></message>");
        Assert.Equal("I implore you!", message.Subject);

        message.Subject = "Changed";
        Assert.Equal(["Changed"], Core(message, "subject").Select(s => s.Value));

        message.Subject = null;
        Assert.Null(message.Subject);
        Assert.Empty(Core(message, "subject"));
    }

    [Fact]
    public void Thread_reads_sets_and_removes_the_thread_element()
    {
        var message = Parse<Message>("<message><thread parent='p1'>e0ffe42b28561960c6b12b944a092794b9683a38</thread></message>");
        Assert.Equal("e0ffe42b28561960c6b12b944a092794b9683a38", message.Thread);

        message.Thread = "t2";
        Assert.Equal(["t2"], Core(message, "thread").Select(t => t.Value));

        message.Thread = null;
        Assert.Null(message.Thread);
        Assert.Empty(Core(message, "thread"));
    }

    [Fact]
    public void CreateReply_addresses_the_sender_with_the_same_type_and_thread_and_a_new_body()
    {
        var message = Parse<Message>(
            "<message from='romeo@example.net/orchard' to='juliet@example.com/balcony' id='m1' type='chat' xml:lang='en'>" +
            "<body>Art thou not Romeo?</body><thread>th1</thread><subject>s</subject><x xmlns='urn:x'/></message>");

        Message reply = message.CreateReply("Neither, fair saint.");

        Assert.Equal(Romeo, reply.To);
        Assert.Null(reply.From);
        Assert.Equal(MessageType.Chat, reply.Type);
        Assert.Equal("th1", reply.Thread);
        Assert.Equal("Neither, fair saint.", reply.Body);
        Assert.Single(reply.Bodies);
        Assert.Null(reply.Subject);
        Assert.Empty(reply.Payloads);
        Assert.NotEqual("m1", reply.Id);
    }

    [Fact]
    public void CreateReply_to_a_message_without_sender_or_thread_has_neither()
    {
        var reply = Parse<Message>("<message><body>hi</body></message>").CreateReply("hello");

        Assert.Null(reply.To);
        Assert.Null(reply.Thread);
        Assert.Equal(MessageType.Normal, reply.Type);
        Assert.Empty(Core(reply, "thread"));
    }

    [Fact]
    public void CreateReply_with_a_null_body_has_no_body()
    {
        var reply = Parse<Message>("<message from='romeo@example.net' type='headline'><body>hi</body></message>").CreateReply(null);

        Assert.Null(reply.Body);
        Assert.Equal(MessageType.Headline, reply.Type);
    }

    [Fact]
    public void CreateReply_to_a_groupchat_message_addresses_the_room_not_the_occupant()
    {
        // XEP-0045 §7.4: groupchat messages go to the room's bare JID; sent to an occupant they bounce.
        var message = Parse<Message>("<message from='coven@chat.shakespeare.lit/thirdwitch' type='groupchat'><body>Harpier cries</body></message>");

        Message reply = message.CreateReply("'Tis time");

        Assert.Equal(Jid.Parse("coven@chat.shakespeare.lit"), reply.To);
        Assert.Equal(MessageType.Groupchat, reply.Type);
    }

    [Fact]
    public void CreateReply_refuses_to_answer_an_error()
    {
        // RFC 6120 §8.3.1: an error stanza needs an <error/> child, and an error must not be answered with one.
        var bounce = Parse<Message>(
            "<message from='juliet@example.com' type='error'><body>hi</body>" +
            "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>");

        Assert.Throws<InvalidOperationException>(() => bounce.CreateReply("hello?"));
    }

    [Fact]
    public void CreateReply_does_not_change_the_original()
    {
        var message = Parse<Message>("<message from='romeo@example.net/orchard' type='chat'><body>hi</body></message>");
        string before = message.ToString();

        message.CreateReply("hello");

        Assert.Equal(before, message.ToString());
    }
}
