using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Xml;

public class XmlStreamWriterTests
{
    private static string Write(XmppElement e, string defaultNamespace = "jabber:client")
    {
        var output = new ArrayBufferWriter<byte>();
        XmlStreamWriter.WriteElement(output, e, defaultNamespace);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void WriteStreamHeader_writes_the_declaration_namespaces_and_attributes()
    {
        var output = new ArrayBufferWriter<byte>();

        XmlStreamWriter.WriteStreamHeader(output, new XmlStreamHeader { To = "example.com", Version = "1.0", Language = "en", From = "a@example.com" });

        Assert.Equal(
            "<?xml version=\"1.0\"?><stream:stream xmlns=\"jabber:client\" xmlns:stream=\"http://etherx.jabber.org/streams\" " +
            "from=\"a@example.com\" to=\"example.com\" version=\"1.0\" xml:lang=\"en\">",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteStreamHeader_declares_extra_namespaces_and_a_custom_prefix()
    {
        var output = new ArrayBufferWriter<byte>();

        XmlStreamWriter.WriteStreamHeader(output, new XmlStreamHeader
        {
            DefaultNamespace = "jabber:server",
            StreamPrefix = "s",
            Namespaces = new Dictionary<string, string> { ["db"] = "jabber:server:dialback", [""] = "ignored", ["s"] = "ignored" },
        });

        Assert.Equal(
            "<?xml version=\"1.0\"?><s:stream xmlns=\"jabber:server\" xmlns:s=\"http://etherx.jabber.org/streams\" xmlns:db=\"jabber:server:dialback\">",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteStreamEnd_closes_the_stream_element()
    {
        var output = new ArrayBufferWriter<byte>();

        XmlStreamWriter.WriteStreamEnd(output);

        Assert.Equal("</stream:stream>", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Text_escapes_markup_characters_and_carriage_returns()
    {
        string xml = Write(new XmppElement("body", "jabber:client").AddText("a & b < c > d \" ' \r\n \t é 😀"));

        Assert.Equal("<body>a &amp; b &lt; c &gt; d \" ' &#xD;\n \t é 😀</body>", xml);
    }

    [Fact]
    public void Attribute_values_escape_quotes_markup_and_whitespace_as_references()
    {
        string xml = Write(new XmppElement("a", "jabber:client").SetAttribute("v", "\"&<>'\t\n\r é"));

        Assert.Equal("<a v=\"&quot;&amp;&lt;>'&#x9;&#xA;&#xD; é\"/>", xml);
    }

    [Fact]
    public void Namespaces_are_declared_only_where_they_change()
    {
        var message = new XmppElement("message", "jabber:client")
            .Add(new XmppElement("body", "jabber:client").AddText("hi"))
            .Add(new XmppElement("x", "urn:x").Add(new XmppElement("y", "urn:x")).Add(new XmppElement("z", "jabber:client")))
            .Add(new XmppElement("none", ""));

        Assert.Equal(
            "<message><body>hi</body><x xmlns=\"urn:x\"><y/><z xmlns=\"jabber:client\"/></x><none xmlns=\"\"/></message>",
            Write(message));
    }

    [Fact]
    public void The_default_namespace_argument_decides_the_top_level_declaration()
    {
        Assert.Equal("<message xmlns=\"jabber:client\"/>", Write(new XmppElement("message", "jabber:client"), defaultNamespace: ""));
        Assert.Equal("<message/>", Write(new XmppElement("message", "jabber:server"), defaultNamespace: "jabber:server"));
    }

    [Fact]
    public void Namespaced_attributes_get_one_generated_prefix_reused_by_descendants()
    {
        var e = new XmppElement("a", "jabber:client").SetAttribute("p", "1", "urn:p").SetAttribute("lang", "en", XmlNamespaces.Xml)
            .Add(new XmppElement("b", "jabber:client").SetAttribute("q", "2", "urn:p").SetAttribute("r", "3", "urn:r"))
            .Add(new XmppElement("c", "jabber:client").SetAttribute("s", "4", "urn:r"));

        Assert.Equal(
            "<a xmlns:ns0=\"urn:p\" ns0:p=\"1\" xml:lang=\"en\"><b ns0:q=\"2\" xmlns:ns1=\"urn:r\" ns1:r=\"3\"/><c xmlns:ns2=\"urn:r\" ns2:s=\"4\"/></a>",
            Write(e));
    }

    [Fact]
    public void Stream_namespace_elements_use_the_stream_prefix()
    {
        var features = new XmppElement("features", XmlNamespaces.Streams)
            .Add(new XmppElement("starttls", "urn:ietf:params:xml:ns:xmpp-tls"))
            .Add(new XmppElement("x", "jabber:client"));

        Assert.Equal("<stream:features><starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/><x/></stream:features>", Write(features));
    }

    // Lone surrogates do not survive xunit's serialisation of theory data, so the cases are passed by index.
    private static readonly string[] InvalidTexts =
    [
        "a\u0001b", "\u0000", "\u001F", "\uFFFE", "\uFFFF", "x\uD800", "\uDC00x", "\uD83D\uD83D", "ok\uDE00", "\uDBFF",
    ];

    public static TheoryData<int> InvalidTextCases => [.. Enumerable.Range(0, InvalidTexts.Length)];

    [Theory]
    [MemberData(nameof(InvalidTextCases))]
    public void Text_or_attribute_values_XML_forbids_are_rejected_and_nothing_is_written(int index)
    {
        string bad = InvalidTexts[index];
        var inText = new XmppElement("message", "jabber:client").Add(new XmppElement("body", "jabber:client").AddText("fine")).AddText(bad);
        var inAttribute = new XmppElement("message", "jabber:client").SetAttribute("to", bad);
        var inNamespace = new XmppElement("message", "jabber:client").Add(new XmppElement("x", bad));

        foreach (XmppElement e in new[] { inText, inAttribute, inNamespace })
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, e));
            Assert.Equal(0, output.WrittenCount);
        }
    }

    [Theory]
    [InlineData("1a")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("-a")]
    [InlineData("a\u00D7")]
    public void Invalid_names_are_rejected(string name)
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, new XmppElement(name, "")));
        Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, new XmppElement("a", "").SetAttribute(name, "v")));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Namespace_declarations_passed_as_attributes_are_rejected()
    {
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, new XmppElement("a", "").SetAttribute("xmlns", "urn:x")));
        Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, new XmppElement("a", "").SetAttribute("p", "urn:x", XmlNamespaces.Xmlns)));
        Assert.Throws<ArgumentException>(() => XmlStreamWriter.WriteElement(output, new XmppElement("a", XmlNamespaces.Xmlns)));
    }

    [Fact]
    public void Astral_characters_astride_the_encoding_chunks_are_written_whole()
    {
        string text = string.Concat(Enumerable.Repeat("a😀", 10_000)) + "é" + string.Concat(Enumerable.Repeat("😀b", 10_000));

        string xml = Write(new XmppElement("body", "jabber:client").AddText(text));

        Assert.Equal("<body>" + text + "</body>", xml);
    }

    [Fact]
    public async Task Written_into_a_PipeWriter_a_stream_reads_back_the_same()
    {
        var pipe = new Pipe();
        var message = new XmppElement("message", "jabber:client").SetAttribute("to", "a@b").Add(new XmppElement("body", "jabber:client").AddText("x < y"));
        XmlStreamWriter.WriteStreamHeader(pipe.Writer, new XmlStreamHeader { To = "b" });
        XmlStreamWriter.WriteElement(pipe.Writer, message);
        XmlStreamWriter.WriteStreamEnd(pipe.Writer);
        await pipe.Writer.FlushAsync();
        await pipe.Writer.CompleteAsync();
        var reader = new XmlStreamReader(pipe.Reader);

        Assert.Equal("b", (await reader.ReadHeaderAsync(CancellationToken.None)).To);
        Assert.Equal(Canonical.Of(message), Canonical.Of((await reader.ReadElementAsync(CancellationToken.None))!));
        Assert.Null(await reader.ReadElementAsync(CancellationToken.None));
    }
}
