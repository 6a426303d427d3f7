using System.Text;
using Xmpp.Client.Testing.Internal;

namespace Xmpp.Client.Testing.Tests;

public class ElementFramerTests
{
    private static List<Frame> Feed(ElementFramer framer, string text)
    {
        framer.Append(Encoding.UTF8.GetBytes(text));
        var frames = new List<Frame>();
        while (framer.TryNext(out var frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public void An_element_is_complete_at_its_end_tag_without_waiting_for_more()
    {
        var framer = new ElementFramer(1000);

        var frames = Feed(framer, "<?xml version='1.0'?><stream:stream to='example.com' xmlns:stream='x'>  <message><body>a &gt; b</body></message>");

        Assert.Equal([FrameKind.StreamHeader, FrameKind.Element], frames.Select(f => f.Kind));
        Assert.Equal("<message><body>a &gt; b</body></message>", frames[1].Text);
    }

    [Fact]
    public void A_greater_than_sign_in_an_attribute_value_does_not_end_the_tag()
    {
        var framer = new ElementFramer(1000);

        var frames = Feed(framer, "<iq id='a>b' type=\"get\"><ping xmlns='urn:xmpp:ping'/></iq><presence/></stream:stream>");

        Assert.Equal([FrameKind.Element, FrameKind.Element, FrameKind.StreamEnd], frames.Select(f => f.Kind));
        Assert.Equal("<presence/>", frames[1].Text);
    }

    [Fact]
    public void Bytes_split_inside_a_character_and_a_tag_are_joined()
    {
        var framer = new ElementFramer(1000);
        var bytes = Encoding.UTF8.GetBytes("<message><body>é</body></message>");

        framer.Append(bytes.AsSpan(0, 16));
        Assert.False(framer.TryNext(out _));
        framer.Append(bytes.AsSpan(16));

        Assert.True(framer.TryNext(out var frame));
        Assert.Equal("<message><body>é</body></message>", frame.Text);
    }

    [Fact]
    public void Comments_are_refused()
    {
        var framer = new ElementFramer(1000);

        Assert.Throws<FormatException>(() => Feed(framer, "<message><!-- no --></message>"));
    }

    [Fact]
    public void An_element_over_the_limit_is_refused()
    {
        var framer = new ElementFramer(100);

        Assert.Throws<FormatException>(() => Feed(framer, "<message><body>" + new string('x', 200)));
    }
}
