using System.Buffers;
using System.Text;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>The parser keeps a lone text child as a string until its node is asked for; the tree must not show it.</summary>
public class ParsedLoneTextTests
{
    [Fact]
    public async Task A_lone_text_child_is_one_text_node_whose_parent_is_the_element()
    {
        XmppElement body = (await FirstElementAsync("<message><body>hi there</body></message>")).Element("body", "jabber:client")!;

        XmppNode only = Assert.Single(body.Children);
        Assert.Equal("hi there", Assert.IsType<XmppText>(only).Value);
        Assert.Same(body, only.Parent);
        Assert.Same(only, body.Children[0]);
        Assert.Equal("hi there", body.Value);
        Assert.Empty(body.Elements());
        Assert.Null(body.Element("x", ""));
    }

    [Fact]
    public async Task Value_of_an_ancestor_includes_lone_texts_of_descendants()
    {
        XmppElement message = await FirstElementAsync("<message><body>hi</body> <x xmlns='urn:x'><y>there</y></x></message>");

        Assert.Equal("hi there", message.Value);
    }

    [Fact]
    public async Task Adding_to_an_element_with_a_lone_text_keeps_the_text_first()
    {
        XmppElement body = (await FirstElementAsync("<message><body>hi</body></message>")).Element("body", "jabber:client")!;

        body.Add(new XmppElement("x", "urn:x")).AddText("!");

        Assert.Equal(3, body.Children.Count);
        Assert.Equal("hi!", body.Value);
        Assert.Equal("hi", ((XmppText)body.Children[0]).Value);
    }

    [Fact]
    public async Task RemoveAll_removes_a_lone_text()
    {
        XmppElement body = (await FirstElementAsync("<message><body>hi</body></message>")).Element("body", "jabber:client")!;

        Assert.Equal(1, body.RemoveAll(n => n is XmppText));

        Assert.Empty(body.Children);
        Assert.Equal("", body.Value);
    }

    [Fact]
    public async Task A_lone_text_is_copied_to_XElement_and_written_back()
    {
        XmppElement message = await FirstElementAsync("<message><body>a &amp; b</body><x xmlns='urn:x'>c<y/>d</x></message>");
        var output = new ArrayBufferWriter<byte>();

        XmlStreamWriter.WriteElement(output, message);

        Assert.Equal("a & b", message.ToXElement().Element(XName("body"))!.Value);
        Assert.Equal("<message><body>a &amp; b</body><x xmlns=\"urn:x\">c<y/>d</x></message>", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static System.Xml.Linq.XName XName(string local) => System.Xml.Linq.XName.Get(local, "jabber:client");
}
