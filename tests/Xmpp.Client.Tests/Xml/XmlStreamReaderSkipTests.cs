using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// <see cref="XmlStreamReader.SkipElementsOverLimits"/>: an element over a per-element limit is skipped whole and
/// the stream goes on; what breaks the stream itself still fails it.
/// </summary>
public class XmlStreamReaderSkipTests
{
    private const string Next = "<message id='next'><body>still here</body></message>";

    private static string Nested(int depth) =>
        "<message id='deep' from='eve@evil.example/x' type='chat'>" + string.Concat(Enumerable.Repeat("<a x='>'>", depth))
        + "text" + string.Concat(Enumerable.Repeat("</a>", depth)) + "</message>";

    private static string Attributes(string element, int count, string name = "a") =>
        $"<{element} " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"{name}{i}='{i}'"));

    public static TheoryData<string, string, string> Poison => new()
    {
        { "depth 200", Nested(200), "deeper than MaxDepth (64)" },
        { "depth 5,000", Nested(5_000), "deeper than MaxDepth (64)" },
        { "600 attributes on the stanza", "<iq id='q1' type='get' from='eve@evil.example/x' " + Attributes("x", 600)[3..] + "/>", "more than MaxAttributes (128)" },
        { "600 attributes on a child", "<message id='m1'><body>hi</body>" + Attributes("x", 600) + "><y/></x></message>", "more than MaxAttributes (128)" },
        { "300 namespace declarations", "<message id='m2'>" + Attributes("x", 300, "xmlns:p") + "/></message>", "more than MaxAttributes (128)" },
        {
            "a body larger than MaxElementBytes",
            "<message id='big' type='chat'><body>" + new string('x', XmlStreamReaderOptions.DefaultMaxElementBytes) + "</body></message>",
            "larger than MaxElementBytes"
        },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public async Task An_element_over_a_limit_is_skipped_and_the_next_one_is_read(string what, string poison, string reason)
    {
        var (skipped, next) = await ReadPoisonThenNextAsync(Utf8(ClientHeader + poison + Next + "</stream:stream>"));

        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(Utf8(poison).Length, skipped.Length);
        Assert.Equal(Utf8(ClientHeader).Length, skipped.Offset);
        Assert.Equal("still here", next.Element("body", "jabber:client")!.Value);
        Assert.NotNull(what);
    }

    [Fact]
    public async Task What_was_read_of_a_skipped_stanza_names_it_and_its_sender()
    {
        var (deep, _) = await ReadPoisonThenNextAsync(Utf8(ClientHeader + Nested(100) + Next));
        var (wide, _) = await ReadPoisonThenNextAsync(Utf8(ClientHeader + "<iq id='q1' type='set' from='eve@evil.example/x' " + Attributes("x", 200)[3..] + "/>" + Next));

        Assert.Equal(("message", "jabber:client", "deep", "eve@evil.example/x", "chat"), (deep.Name, deep.Namespace, deep.Id, deep.From, deep.Type));
        Assert.Equal(("iq", "jabber:client", "q1", "eve@evil.example/x", "set"), (wide.Name, wide.Namespace, wide.Id, wide.From, wide.Type));
    }

    public static TheoryData<string> Tricky => new()
    {
        "<a b='/>' c=\"'>\"/><![CDATA[</message><x>]]]]><b>\"'</b><z/>",
        "<a/><a  /><a\r\nb='1'\t/><c>é€😀</c>",
        "<a x='&amp;&lt;'>&#x20;&gt;</a><b></b  >",
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task Skipping_follows_quotes_cdata_empty_tags_and_multibyte_text_cut_anywhere(string content)
    {
        // Too deep before the content: skipping must follow the content and the end tags after it.
        string poison = "<message id='t'>" + string.Concat(Enumerable.Repeat("<a>", 70)) + content
            + string.Concat(Enumerable.Repeat("</a>", 70)) + "</message>";
        byte[] data = Utf8(ClientHeader + poison + Next);
        for (int cut = Utf8(ClientHeader).Length; cut < data.Length; cut += 1)
        {
            var reader = Reader(data, Options(), cut, cut + 1, cut + 2);
            await reader.ReadHeaderAsync(CancellationToken.None);
            reader.SkipElementsOverLimits = true;
            var first = await reader.ReadAsync(CancellationToken.None);
            var second = await reader.ReadAsync(CancellationToken.None);

            Assert.NotNull(first.Skipped);
            Assert.Equal("next", second.Element?.GetAttribute("id"));
        }
    }

    [Theory]
    [InlineData("<![CDATA[", "]]", ">", false)]
    [InlineData("<![CDATA[", "]", "]>", false)]
    [InlineData("<!--", "--", ">", true)]
    [InlineData("<?pi x", "?", ">", true)]
    public async Task A_terminator_cut_by_the_size_limit_still_ends_the_section(string open, string before, string after, bool allow)
    {
        // The limit falls right inside the terminator of a CDATA section, comment or processing instruction.
        const int Limit = 100;
        string start = "<message id='cut'><body>" + open;
        string head = start + new string('x', Limit - start.Length - before.Length) + before;
        string poison = head + after + "</body></message>";
        var options = new XmlStreamReaderOptions { MaxElementBytes = Limit, AllowComments = allow, AllowProcessingInstructions = allow };
        const string ShortHeader = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
        var reader = Reader(Utf8(ShortHeader + poison + Next), options);
        await reader.ReadHeaderAsync(CancellationToken.None);
        reader.SkipElementsOverLimits = true;

        var skipped = (await reader.ReadAsync(CancellationToken.None)).Skipped;
        var next = (await reader.ReadAsync(CancellationToken.None)).Element;

        Assert.Equal(Limit, Utf8(head).Length);
        Assert.Equal(Utf8(poison).Length, skipped?.Length);
        Assert.Equal("next", next?.GetAttribute("id"));
    }

    [Theory]
    [InlineData("</x <y>")]
    [InlineData("</x \u0001>")]
    public async Task A_broken_end_tag_inside_a_skipped_element_fails_the_stream(string endTag)
    {
        string poison = "<message>" + Attributes("x", 130) + ">" + endTag + "</message>";
        var reader = await SkippingAfterHeaderAsync(Utf8(ClientHeader + poison + Next));

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.NotWellFormed, e.Condition);
    }

    [Fact]
    public async Task A_skipped_element_is_skipped_the_same_byte_by_byte()
    {
        byte[] data = Utf8(ClientHeader + "<message id='x'>" + Attributes("a", 130) + "/>" + Nested(80) + "</message>" + Next);
        var reader = new XmlStreamReader(System.IO.Pipelines.PipeReader.Create(ByteSegments(data)), Options());
        await reader.ReadHeaderAsync(CancellationToken.None);
        reader.SkipElementsOverLimits = true;

        Assert.Equal("x", (await reader.ReadAsync(CancellationToken.None)).Skipped?.Id);
        Assert.Equal("next", (await reader.ReadAsync(CancellationToken.None)).Element?.GetAttribute("id"));
    }

    public static TheoryData<string, StreamErrorCondition> BrokenInside => new()
    {
        { "<!-- a comment -->", StreamErrorCondition.RestrictedXml },
        { "<?pi x?>", StreamErrorCondition.RestrictedXml },
        { "<!DOCTYPE x>", StreamErrorCondition.RestrictedXml },
        { "<b x='<'/>", StreamErrorCondition.NotWellFormed },
        { "bad \u0001 control", StreamErrorCondition.NotWellFormed },
        { "<1/>", StreamErrorCondition.NotWellFormed },
    };

    [Theory]
    [MemberData(nameof(BrokenInside))]
    public async Task What_breaks_the_stream_inside_a_skipped_element_still_fails_the_stream(string broken, StreamErrorCondition condition)
    {
        string poison = "<message>" + Attributes("x", 130) + ">" + broken + "</x></message>";
        var reader = await SkippingAfterHeaderAsync(Utf8(ClientHeader + poison + Next));

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal(condition, e.Condition);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_skipped_element_still_fails_the_stream()
    {
        byte[] data = [.. Utf8(ClientHeader + "<message>" + Attributes("x", 130) + ">bad "), 0xC3, 0x28, .. Utf8("</x></message>")];
        var reader = await SkippingAfterHeaderAsync(data);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.UnsupportedEncoding, e.Condition);
    }

    [Fact]
    public async Task The_stream_header_is_never_skipped()
    {
        var reader = Reader(Utf8("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' " + Attributes("x", 200)[3..] + ">"), Options());
        reader.SkipElementsOverLimits = true;

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
    }

    [Fact]
    public async Task Skipping_an_element_larger_than_the_limit_holds_no_more_than_the_limit_in_memory()
    {
        // 64 MiB of text in 64 KiB chunks through a pipe that pauses the writer at 256 KiB: the reader keeps up only
        // if it consumes what it skips.
        const int Chunk = 64 * 1024;
        var options = new XmlStreamReaderOptions { MaxElementBytes = 1024 * 1024 };
        var pipe = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 4 * Chunk, resumeWriterThreshold: 2 * Chunk));
        var reader = new XmlStreamReader(pipe.Reader, options);
        async Task WriteAsync()
        {
            await pipe.Writer.WriteAsync(Utf8(ClientHeader + "<message id='huge'><body>"));
            byte[] text = Utf8(new string('y', Chunk));
            for (int i = 0; i < 1024; i++)
            {
                await pipe.Writer.WriteAsync(text);
            }

            await pipe.Writer.WriteAsync(Utf8("</body></message>" + Next));
            await pipe.Writer.CompleteAsync();
        }

        var writing = Task.Run(WriteAsync);
        await reader.ReadHeaderAsync(CancellationToken.None);
        reader.SkipElementsOverLimits = true;

        var skipped = (await reader.ReadAsync(CancellationToken.None)).Skipped;
        var next = (await reader.ReadAsync(CancellationToken.None)).Element;
        await writing;

        Assert.Equal("huge", skipped?.Id);
        Assert.True(skipped!.Length > 64L * 1024 * 1024);
        Assert.Equal("next", next?.GetAttribute("id"));
    }

    [Fact]
    public async Task Without_skipping_a_limit_still_fails_the_stream()
    {
        var reader = await AfterHeaderAsync(Nested(100));

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
    }

    private static XmlStreamReaderOptions Options() => new();

    private static async Task<XmlStreamReader> SkippingAfterHeaderAsync(byte[] data)
    {
        var reader = Reader(data, Options());
        await reader.ReadHeaderAsync(CancellationToken.None);
        reader.SkipElementsOverLimits = true;
        return reader;
    }

    private static async Task<(SkippedElement Skipped, XmppElement Next)> ReadPoisonThenNextAsync(byte[] data)
    {
        var reader = await SkippingAfterHeaderAsync(data);
        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);
        Assert.NotNull(first.Skipped);
        Assert.NotNull(second.Element);
        return (first.Skipped, second.Element);
    }
}
