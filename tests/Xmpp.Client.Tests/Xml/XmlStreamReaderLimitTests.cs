using System.IO.Pipelines;
using System.Text;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>Bounds: size and depth limits, endless input, and a large stanza read in small pieces.</summary>
public class XmlStreamReaderLimitTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_depth_bomb_is_a_policy_violation_at_the_first_level_too_deep()
    {
        string bomb = string.Concat(Enumerable.Repeat("<a>", 100_000));
        XmlStreamReader reader = await AfterHeaderAsync(bomb);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(None));

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
        Assert.Equal(Utf8(ClientHeader).Length + (3 * XmlStreamReaderOptions.DefaultMaxDepth) + 1, e.ByteOffset);
    }

    [Fact]
    public async Task Nesting_up_to_MaxDepth_is_accepted()
    {
        var options = new XmlStreamReaderOptions { MaxDepth = 5 };
        XmppElement e = await FirstElementAsync("<a><b><c><d><e>deep</e></d></c></b></a>", options);

        Assert.Equal("deep", e.Value);
    }

    [Fact]
    public async Task An_element_of_exactly_MaxElementBytes_is_accepted_and_one_byte_more_is_not()
    {
        var options = new XmlStreamReaderOptions { MaxElementBytes = 100 };
        string fits = "<a>" + new string('x', 100 - 7) + "</a>";
        string tooBig = "<a>" + new string('x', 100 - 6) + "</a>";
        XmlStreamReader reader = Reader("<s:stream xmlns:s='http://etherx.jabber.org/streams'>" + fits + tooBig, options);
        await reader.ReadHeaderAsync(None);

        Assert.Equal(100 - 7, (await reader.ReadElementAsync(None))!.Value.Length);
        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(None));
        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
    }

    [Fact]
    public async Task The_header_is_held_to_MaxElementBytes()
    {
        var options = new XmlStreamReaderOptions { MaxElementBytes = 100 };
        XmlStreamReader reader = Reader("<stream:stream xmlns:stream='http://etherx.jabber.org/streams' from='" + new string('a', 200) + "'>", options);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadHeaderAsync(None));

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
    }

    public static TheoryData<string, string> EndlessStarts => new()
    {
        { "<message><body>", "text" },
        { "<message to='", "attribute value" },
        { "<message ", " " },
        { "<message", "tagname" },
        { "<message x", "attributename" },
        { "<message><![CDATA[", "cdata" },
        { "<message>", "<a>x</a>" },
        { "</stream:stream", "x" },
    };

    [Theory]
    [MemberData(nameof(EndlessStarts))]
    public async Task Endless_input_inside_an_element_stops_at_the_size_limit(string start, string repeated)
    {
        const int Limit = 64 * 1024;
        var options = new XmlStreamReaderOptions { MaxElementBytes = Limit };
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 16 * 1024, resumeWriterThreshold: 8 * 1024, useSynchronizationContext: false));
        var reader = new XmlStreamReader(pipe.Reader, options);
        byte[] chunk = Utf8(string.Concat(Enumerable.Repeat(repeated, 1024 / repeated.Length)));
        long written = 0;
        Task feeding = Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(Utf8(ClientHeader + start));
            while (written < 100L * Limit)
            {
                FlushResult flush = await pipe.Writer.WriteAsync(chunk);
                written += chunk.Length;
                if (flush.IsCompleted)
                {
                    return;
                }
            }
        });
        await reader.ReadHeaderAsync(None);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(None));
        await pipe.Reader.CompleteAsync();
        await feeding;

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
        Assert.InRange(e.ByteOffset, Limit, Utf8(ClientHeader).Length + Limit + 1);
        Assert.True(written < 4 * Limit, $"The reader took {written} bytes before stopping");
    }

    [Fact]
    public async Task Whitespace_keepalives_never_count_towards_a_limit()
    {
        var options = new XmlStreamReaderOptions { MaxElementBytes = 1024 };
        XmlStreamReader reader = await AfterHeaderAsync(new string(' ', 1_000_000) + "<a/>" + new string('\n', 1_000_000) + "<b/>", options);

        Assert.Equal("a", (await reader.ReadElementAsync(None))!.Name);
        Assert.Equal("b", (await reader.ReadElementAsync(None))!.Name);
    }

    [Fact]
    public async Task A_5_MB_stanza_read_in_1_KB_pieces_is_parsed_correctly()
    {
        var body = new StringBuilder(5_500_000);
        var escaped = new StringBuilder(6_000_000);
        var random = new Random(42);
        string[] pieces = ["plain ascii text ", "Grüße ", "世界 ", "😀", "<", "&", "\r\n", "]]>", "\"'"];
        while (escaped.Length < 5_000_000)
        {
            string piece = pieces[random.Next(pieces.Length)];
            body.Append(piece.Replace("\r\n", "\n", StringComparison.Ordinal));
            escaped.Append(piece.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal));
        }

        byte[] data = Utf8(ClientHeader + "<message id='big'><body>" + escaped + "</body></message><after/></stream:stream>");
        var options = new XmlStreamReaderOptions { MaxElementBytes = 8 * 1024 * 1024 };
        (XmlStreamReader reader, Task writing) = Chunked(data, 1024, options);
        await reader.ReadHeaderAsync(None);

        XmppElement? message = await reader.ReadElementAsync(None);
        XmppElement? after = await reader.ReadElementAsync(None);
        await writing;

        Assert.Equal(body.ToString(), message!.Element("body", "jabber:client")!.Value);
        Assert.Equal("after", after!.Name);
        Assert.Null(await reader.ReadElementAsync(None));
    }

    [Fact]
    public async Task A_stanza_with_many_attributes_and_children_within_limits_is_accepted()
    {
        string attributes = string.Concat(Enumerable.Range(0, XmlStreamReaderOptions.DefaultMaxAttributes).Select(i => $" a{i}='{i}'"));
        string children = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"<item n='{i}'/>"));

        XmppElement e = await FirstElementAsync($"<query{attributes}>{children}</query>");

        Assert.Equal(XmlStreamReaderOptions.DefaultMaxAttributes, e.Attributes.Count);
        Assert.Equal(10_000, e.Children.Count);
    }
}
