using System.Buffers;
using System.IO.Pipelines;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

public class XmlStreamReaderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReadHeaderAsync_returns_attributes_namespaces_and_prefix()
    {
        XmlStreamReader reader = Reader(ClientHeader);

        XmlStreamHeader header = await reader.ReadHeaderAsync(None);

        Assert.Equal("example.com", header.From);
        Assert.Null(header.To);
        Assert.Equal("s1", header.Id);
        Assert.Equal("1.0", header.Version);
        Assert.Equal("en", header.Language);
        Assert.Equal("jabber:client", header.DefaultNamespace);
        Assert.Equal("stream", header.StreamPrefix);
        Assert.Equal("jabber:client", header.Namespaces[""]);
        Assert.Equal(XmlNamespaces.Streams, header.Namespaces["stream"]);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='no' ?>\n")]
    [InlineData("<?xml version='1.0' encoding='utf-8'?>")]
    [InlineData("")]
    [InlineData("\r\n  \t")]
    public async Task ReadHeaderAsync_accepts_an_optional_declaration_and_leading_whitespace(string prolog)
    {
        XmlStreamReader reader = Reader(prolog + "<stream:stream xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns=\"jabber:client\" to=\"a.example\">");

        XmlStreamHeader header = await reader.ReadHeaderAsync(None);

        Assert.Equal("a.example", header.To);
    }

    [Fact]
    public async Task The_content_namespace_is_whatever_the_header_declares()
    {
        XmlStreamReader reader = Reader("<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' " +
            "xmlns:db='jabber:server:dialback'><db:result from='a' to='b'>key</db:result><message/>");

        XmlStreamHeader header = await reader.ReadHeaderAsync(None);
        XmppElement? result = await reader.ReadElementAsync(None);
        XmppElement? message = await reader.ReadElementAsync(None);

        Assert.Equal("jabber:server", header.DefaultNamespace);
        Assert.Equal("jabber:server:dialback", header.Namespaces["db"]);
        Assert.Equal(("result", "jabber:server:dialback", "key"), (result!.Name, result.Namespace, result.Value));
        Assert.Equal(("message", "jabber:server"), (message!.Name, message.Namespace));
    }

    [Fact]
    public async Task A_header_without_default_namespace_leaves_children_in_no_namespace()
    {
        XmlStreamReader reader = Reader("<s:stream xmlns:s='http://etherx.jabber.org/streams'><message/>");

        XmlStreamHeader header = await reader.ReadHeaderAsync(None);
        XmppElement? message = await reader.ReadElementAsync(None);

        Assert.Equal("", header.DefaultNamespace);
        Assert.Equal("s", header.StreamPrefix);
        Assert.Equal("", message!.Namespace);
    }

    [Fact]
    public async Task Stanzas_inherit_the_default_namespace_and_children_declare_their_own()
    {
        XmppElement message = await FirstElementAsync(
            "<message to='a@b'><body>hi</body><x xmlns='urn:x'><y/><p:z xmlns:p='urn:p' p:a='1'/></x><thread/></message>");

        Assert.Equal("jabber:client", message.Namespace);
        Assert.Equal("jabber:client", message.Element("body", "jabber:client")!.Namespace);
        XmppElement x = message.Element("x", "urn:x")!;
        Assert.NotNull(x.Element("y", "urn:x"));
        XmppElement z = x.Element("z", "urn:p")!;
        Assert.Equal("1", z.GetAttribute("a", "urn:p"));
        Assert.NotNull(message.Element("thread", "jabber:client"));
    }

    [Fact]
    public async Task Stream_level_elements_are_in_the_stream_namespace()
    {
        XmlStreamReader reader = await AfterHeaderAsync(
            "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>" +
            "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");

        XmppElement? features = await reader.ReadElementAsync(None);
        XmppElement? error = await reader.ReadElementAsync(None);

        Assert.Equal(("features", XmlNamespaces.Streams), (features!.Name, features.Namespace));
        Assert.NotNull(features.Element("starttls", "urn:ietf:params:xml:ns:xmpp-tls")!.Element("required", "urn:ietf:params:xml:ns:xmpp-tls"));
        Assert.Equal(("error", XmlNamespaces.Streams), (error!.Name, error.Namespace));
    }

    [Fact]
    public async Task Attributes_take_either_quote_and_decode_references()
    {
        XmppElement e = await FirstElementAsync(
            "<a x=\"it's\" y='say \"hi\"' z='&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;' xml:lang='de' empty=''/>");

        Assert.Equal("it's", e.GetAttribute("x"));
        Assert.Equal("say \"hi\"", e.GetAttribute("y"));
        Assert.Equal("<>&'\"AB\U0001F600", e.GetAttribute("z"));
        Assert.Equal("de", e.GetAttribute("lang", XmlNamespaces.Xml));
        Assert.Equal("", e.GetAttribute("empty"));
        Assert.Equal(["x", "y", "z", "lang", "empty"], e.Attributes.Select(a => a.Name));
    }

    [Fact]
    public async Task Attribute_whitespace_is_normalised_but_character_references_are_kept()
    {
        XmppElement e = await FirstElementAsync("<a v='1\t2\n3\r\n4\r5&#9;6&#10;7&#13;8'/>");

        Assert.Equal("1 2 3 4 5\t6\n7\r8", e.GetAttribute("v"));
    }

    [Fact]
    public async Task Namespace_declarations_are_not_attributes()
    {
        XmppElement e = await FirstElementAsync("<a xmlns='urn:a' xmlns:p='urn:p' p:v='1' v='2'/>");

        Assert.Equal([new XmppAttribute("v", "urn:p", "1"), new XmppAttribute("v", "", "2")], e.Attributes);
    }

    [Fact]
    public async Task Text_decodes_entities_character_references_and_cdata_into_one_node()
    {
        XmppElement body = await FirstElementAsync(
            "<body>a &lt;b&gt; &amp; &apos;c&quot; &#100;&#x65; <![CDATA[<raw> & ]] ]]>end</body>");

        XmppText text = Assert.IsType<XmppText>(Assert.Single(body.Children));
        Assert.Equal("a <b> & 'c\" de <raw> & ]] end", text.Value);
    }

    [Fact]
    public async Task Line_ends_in_text_and_cdata_are_normalised_to_line_feeds()
    {
        XmppElement body = await FirstElementAsync("<body>1\r\n2\r3\n4<![CDATA[5\r\n6\r]]>&#13;</body>");

        Assert.Equal("1\n2\n3\n45\n6\n\r", body.Value);
    }

    [Fact]
    public async Task Multibyte_and_astral_characters_are_decoded()
    {
        XmppElement e = await FirstElementAsync("<é名 ü='Grüße 😀'>Привет, 世界 🎉</é名>");

        Assert.Equal("é名", e.Name);
        Assert.Equal("Grüße 😀", e.GetAttribute("ü"));
        Assert.Equal("Привет, 世界 🎉", e.Value);
    }

    [Fact]
    public async Task Repeated_and_distinct_values_all_read_back_exactly()
    {
        var random = new Random(7);
        string[] values = [.. Enumerable.Range(0, 3000).Select(i => random.Next(3) == 0 ? $"user{i}@example.com/r" : $"user{i % 20}@example.com/r")];
        var xml = new System.Text.StringBuilder();
        foreach (string v in values)
        {
            xml.Append($"<message from='{v}'><body>{v}</body><group>{v[..5]}</group></message>");
        }

        XmlStreamReader reader = await AfterHeaderAsync(xml + "</stream:stream>");

        foreach (string v in values)
        {
            XmppElement m = (await reader.ReadElementAsync(None))!;
            Assert.Equal(v, m.GetAttribute("from"));
            Assert.Equal(v, m.Element("body", "jabber:client")!.Value);
            Assert.Equal(v[..5], m.Element("group", "jabber:client")!.Value);
        }
    }

    [Fact]
    public async Task Parsed_nodes_know_their_parent()
    {
        XmppElement e = await FirstElementAsync("<a>t<b><c/></b></a>");

        Assert.Null(e.Parent);
        Assert.All(e.Children, child => Assert.Same(e, child.Parent));
        XmppElement b = e.Element("b", "jabber:client")!;
        Assert.Same(b, b.Children[0].Parent);
    }

    [Fact]
    public async Task Whitespace_inside_elements_is_kept_as_text()
    {
        XmppElement e = await FirstElementAsync("<a>\n  <b/>\n</a>");

        Assert.Equal(3, e.Children.Count);
        Assert.Equal("\n  ", Assert.IsType<XmppText>(e.Children[0]).Value);
    }

    [Fact]
    public async Task Whitespace_keepalives_between_stanzas_are_skipped()
    {
        XmlStreamReader reader = await AfterHeaderAsync(" \n\t\r <a/>\n\n <b/> \t</stream:stream>");

        Assert.Equal("a", (await reader.ReadElementAsync(None))!.Name);
        Assert.Equal("b", (await reader.ReadElementAsync(None))!.Name);
        Assert.Null(await reader.ReadElementAsync(None));
    }

    [Fact]
    public async Task The_peer_closing_the_stream_reads_as_null_every_time()
    {
        XmlStreamReader reader = await AfterHeaderAsync("<a/></stream:stream >");

        Assert.NotNull(await reader.ReadElementAsync(None));
        Assert.Null(await reader.ReadElementAsync(None));
        Assert.Null(await reader.ReadElementAsync(None));
    }

    [Fact]
    public async Task An_empty_stream_element_is_a_header_and_an_immediate_end()
    {
        XmlStreamReader reader = Reader("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client'/>");

        await reader.ReadHeaderAsync(None);

        Assert.Null(await reader.ReadElementAsync(None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<a/>  ")]
    [InlineData("<message><body>cut")]
    [InlineData("<message to='cut")]
    [InlineData("</stream:str")]
    public async Task A_connection_that_ends_without_the_stream_end_throws_EndOfStreamException(string rest)
    {
        XmlStreamReader reader = await AfterHeaderAsync(rest);

        await Assert.ThrowsAsync<EndOfStreamException>(async () =>
        {
            while (await reader.ReadElementAsync(None) is not null)
            {
            }
        });
    }

    [Fact]
    public async Task A_connection_that_ends_inside_the_header_throws_EndOfStreamException()
    {
        XmlStreamReader reader = Reader("<?xml version='1.0'?><stream:stream xmlns='jabber:client'");

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadHeaderAsync(None));
    }

    [Fact]
    public async Task A_connection_that_ends_inside_a_multibyte_character_throws_EndOfStreamException()
    {
        byte[] data = [.. Utf8(ClientHeader + "<a>"), 0xE4, 0xB8];
        XmlStreamReader reader = Reader(data);
        await reader.ReadHeaderAsync(None);

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadElementAsync(None));
    }

    [Fact]
    public async Task Reset_reads_a_new_stream_from_bytes_that_arrived_with_the_old_one()
    {
        XmlStreamReader reader = await AfterHeaderAsync(
            "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/><?xml version='1.0'?>" +
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='s2'><stream:features/>");

        Assert.Equal("success", (await reader.ReadElementAsync(None))!.Name);
        reader.Reset();
        XmlStreamHeader second = await reader.ReadHeaderAsync(None);
        XmppElement? features = await reader.ReadElementAsync(None);

        Assert.Equal("s2", second.Id);
        Assert.Equal("features", features!.Name);
    }

    [Fact]
    public async Task The_reader_leaves_bytes_after_an_element_in_the_pipe()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Utf8(ClientHeader + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>\u0016\u0003\u0001"));
        var reader = new XmlStreamReader(pipe.Reader);
        await reader.ReadHeaderAsync(None);

        Assert.Equal("proceed", (await reader.ReadElementAsync(None))!.Name);
        ReadResult rest = await pipe.Reader.ReadAsync(None);
        Assert.Equal(new byte[] { 0x16, 0x03, 0x01 }, rest.Buffer.ToArray());
    }

    [Fact]
    public async Task Comments_and_processing_instructions_are_skipped_when_the_options_allow_them()
    {
        var options = new XmlStreamReaderOptions { AllowComments = true, AllowProcessingInstructions = true };
        XmlStreamReader reader = Reader("<!-- hi --><?pi x?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client'>" +
            "<!-- between --><a>x<!-- in - text -->y<?target data ? >?>z</a><!---->", options);
        await reader.ReadHeaderAsync(None);

        XmppElement? a = await reader.ReadElementAsync(None);

        Assert.Equal("xyz", Assert.IsType<XmppText>(Assert.Single(a!.Children)).Value);
    }

    [Fact]
    public async Task ReadElementAsync_before_the_header_is_a_usage_error()
    {
        XmlStreamReader reader = Reader(ClientHeader);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadElementAsync(None));
    }

    [Fact]
    public async Task Reading_the_header_twice_without_Reset_is_a_usage_error()
    {
        XmlStreamReader reader = Reader(ClientHeader);
        await reader.ReadHeaderAsync(None);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadHeaderAsync(None));
    }

    [Fact]
    public async Task A_failed_reader_refuses_further_reads()
    {
        XmlStreamReader reader = await AfterHeaderAsync("<a></b><c/>");
        await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(None));

        var again = await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadElementAsync(None));
        Assert.IsType<XmppXmlException>(again.InnerException);
    }

    [Fact]
    public async Task A_canceled_read_throws_OperationCanceledException()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        using var cts = new CancellationTokenSource();
        ValueTask<XmlStreamHeader> pending = reader.ReadHeaderAsync(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pending);
    }

    [Fact]
    public async Task A_read_canceled_through_the_pipe_can_be_retried()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await pipe.Writer.WriteAsync(Utf8("<?xml version='1.0'?>"));
        ValueTask<XmlStreamHeader> pending = reader.ReadHeaderAsync(None);

        pipe.Reader.CancelPendingRead();
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await pending);
        await pipe.Writer.WriteAsync(Utf8(ClientHeader[21..]));

        Assert.Equal("s1", (await reader.ReadHeaderAsync(None)).Id);
    }

    [Fact]
    public async Task An_element_read_canceled_through_the_pipe_before_the_call_is_canceled_and_can_be_retried()
    {
        var pipe = new Pipe();
        var reader = new XmlStreamReader(pipe.Reader);
        await pipe.Writer.WriteAsync(Utf8(ClientHeader + "<message><bo"));
        await reader.ReadHeaderAsync(None);

        pipe.Reader.CancelPendingRead();
        ValueTask<XmppElement?> canceled = reader.ReadElementAsync(None);

        Assert.True(canceled.IsCanceled);
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await canceled);
        await pipe.Writer.WriteAsync(Utf8("dy>hi</body></message>"));
        Assert.Equal("hi", (await reader.ReadElementAsync(None))!.Value);
    }

    [Fact]
    public async Task Errors_name_the_byte_offset()
    {
        XmlStreamReader reader = await AfterHeaderAsync("<a>\u0001</a>");

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(None));

        Assert.Equal(Utf8(ClientHeader).Length + 3, e.ByteOffset);
        Assert.Contains($"at byte {e.ByteOffset} of the stream", e.Message, StringComparison.Ordinal);
    }
}
