using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;
using DelayPayload = Xmpp.Client.Extensions.Delay.Delay;
using Xmpp.Client.Extensions.Delay;

namespace Xmpp.Client.Tests.Extensions.Delay;

public class DelayPayloadTests
{
    private const string Ns = "urn:xmpp:delay";

    [Fact]
    public async Task Offline_message_of_XEP_0203_example_1_has_its_stamp_sender_and_reason()
    {
        var received = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (client, _) = TestClients.Create(async server =>
        {
            await server.LoginAsync();
            await server.SendAsync("""
                <message from='romeo@montague.net/orchard' to='user@example.com' type='chat'>
                  <body>O blessed, blessed night! I am afeard.</body>
                  <delay xmlns='urn:xmpp:delay'
                     from='capulet.com'
                     stamp='2002-09-10T23:08:25Z'>
                    Offline Storage
                  </delay>
                </message>
                """);
            await server.UntilClientClosesAsync();
        });
        client.MessageReceived += message =>
        {
            received.TrySetResult(message);
            return Task.CompletedTask;
        };
        await using (client)
        {
            await client.ConnectAsync();
            var delay = (await received.Task.WaitAsync(TimeSpan.FromSeconds(30))).GetDelay();
            Assert.Equal(new DelayPayload(new DateTimeOffset(2002, 9, 10, 23, 8, 25, TimeSpan.Zero), Jid.Parse("capulet.com"), "Offline Storage"), delay);
        }
    }

    [Fact]
    public void GetDelay_is_null_without_a_delay_or_with_only_malformed_stamps()
    {
        var message = new Message(Jid.Parse("juliet@example.com"), "hi");
        Assert.Null(message.GetDelay());
        message.AddPayload(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "last tuesday")));
        message.AddPayload(new XElement(XName.Get("delay", Ns), new XAttribute("from", "capulet.com")));
        message.AddPayload(new XElement(XName.Get("delay", "jabber:x:delay"), new XAttribute("stamp", "20020910T23:08:25")));
        Assert.Null(message.GetDelay());
    }

    [Fact]
    public void GetDelay_takes_the_earliest_valid_stamp_and_reads_presences_too()
    {
        var presence = new Presence();
        presence.AddPayload(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "2002-09-10T23:41:07Z"), new XAttribute("from", "capulet.com")));
        presence.AddPayload(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "garbage")));
        presence.AddPayload(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "2002-09-10T23:05:37Z"), new XAttribute("from", "coven@macbeth.shakespeare.lit")));
        var delay = presence.GetDelay();
        Assert.NotNull(delay);
        Assert.Equal(new DateTimeOffset(2002, 9, 10, 23, 5, 37, TimeSpan.Zero), delay.Stamp);
        Assert.Equal(Jid.Parse("coven@macbeth.shakespeare.lit"), delay.From);
        Assert.Null(delay.Reason);
    }

    [Fact]
    public void FromXElement_rejects_a_malformed_stamp_and_a_bad_from_reads_as_none()
    {
        Assert.Throws<FormatException>(() => DelayPayload.FromXElement(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "2002-09-10"))));
        Assert.Throws<FormatException>(() => DelayPayload.FromXElement(new XElement(XName.Get("delay", Ns))));
        var delay = DelayPayload.FromXElement(new XElement(XName.Get("delay", Ns), new XAttribute("stamp", "2002-09-10T23:08:25Z"), new XAttribute("from", "a@b@c")));
        Assert.Null(delay.From);
    }

    [Fact]
    public void Payload_round_trips_through_a_stanza_in_UTC()
    {
        var written = new DelayPayload(new DateTimeOffset(2002, 9, 11, 1, 8, 25, 500, TimeSpan.FromHours(2)), Jid.Parse("capulet.com"), "Offline Storage");
        Assert.Equal(TimeSpan.Zero, written.Stamp.Offset);
        var element = written.ToXElement();
        Assert.Equal("2002-09-10T23:08:25.5Z", element.Attribute("stamp")?.Value);
        var message = new Message();
        message.AddPayload(written);
        Assert.Equal(written, message.GetPayload<DelayPayload>());
        Assert.Equal(written, message.GetDelay());
        Assert.Equal(TimeSpan.Zero, (written with { Stamp = new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(-3)) }).Stamp.Offset);
    }
}
