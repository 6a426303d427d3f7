using System.Xml.Linq;
using Xmpp.Client.Extensions.OutOfBand;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Tests.Extensions.OutOfBand;

/// <summary>Out of band data (XEP-0066) in messages: reading, writing, bounds.</summary>
public class OutOfBandTests
{
    private static Message Received(string payloads) =>
        Xmpp.Client.Tests.Stanzas.StanzaXml.Parse<Message>($"<message from='romeo@example.com/a' type='chat'><body>b</body>{payloads}</message>");

    [Fact]
    public void The_links_of_a_message_are_read_in_order_with_their_descriptions()
    {
        var message = Received("<x xmlns='jabber:x:oob'><url>https://a.example/1.png</url><desc>A photo</desc></x><x xmlns='jabber:x:oob'><url> https://a.example/2 </url></x>");

        Assert.Equal([new OutOfBandData(new Uri("https://a.example/1.png"), "A photo"), new OutOfBandData(new Uri("https://a.example/2"))], message.GetOutOfBandData());
    }

    [Fact]
    public void Unreadable_links_are_skipped_and_at_most_sixteen_are_read()
    {
        var many = string.Concat(Enumerable.Range(0, 20).Select(i => $"<x xmlns='jabber:x:oob'><url>https://a.example/{i}</url></x>"));
        var message = Received($"<x xmlns='jabber:x:oob'/><x xmlns='jabber:x:oob'><url>not a uri</url></x>{many}");

        Assert.Equal(14, message.GetOutOfBandData().Count); // 16 elements read, two of them unreadable
        Assert.Empty(Received(string.Empty).GetOutOfBandData());
    }

    [Fact]
    public void A_link_is_written_with_url_and_desc_and_read_back_as_a_typed_payload()
    {
        var data = new OutOfBandData(new Uri("https://a.example/f.txt"), "notes");
        var message = new Message(Jid.Parse("juliet@example.com"), "see");
        message.AddPayload(data);

        var element = data.ToXElement();
        Assert.Equal("<x xmlns=\"jabber:x:oob\"><url>https://a.example/f.txt</url><desc>notes</desc></x>", element.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(data, message.GetPayload<OutOfBandData>());
    }

    [Fact]
    public void Reading_an_element_without_a_url_is_a_format_error_and_a_relative_url_an_argument_error()
    {
        Assert.Throws<FormatException>(() => OutOfBandData.FromXElement(XElement.Parse("<x xmlns='jabber:x:oob'><desc>d</desc></x>")));
        Assert.Throws<FormatException>(() => OutOfBandData.FromXElement(XElement.Parse("<x xmlns='jabber:x:other'><url>https://a/</url></x>")));
        Assert.Throws<ArgumentException>(() => new OutOfBandData(new Uri("/relative", UriKind.Relative)));
    }
}
