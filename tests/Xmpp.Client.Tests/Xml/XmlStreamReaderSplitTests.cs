using System.IO.Pipelines;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>However the bytes are cut, the reader yields the same header and elements.</summary>
public class XmlStreamReaderSplitTests
{
    /// <summary>A stream with every construct the reader handles, multi-byte characters in every kind of token.</summary>
    private static readonly byte[] Sample = Utf8(
        "<?xml version='1.0' encoding='UTF-8'?>\n" +
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='éxample.com' id='ß1' version='1.0' xml:lang='en'>" +
        "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>\n \t\r\n" +
        "<message from='jülia@example.com/😀' to=\"romeo@example.net\" type='chat' id='m&amp;1'>" +
        "<body>Привет &lt;世界&gt; &amp; 🎉&#x1F600;&#233;\r\nline\rtwo <![CDATA[<raw>]] ]]]>x]y</body>" +
        "<délai xmlns='urn:xmpp:delay' stamp='2024-01-01T00:00:00Z'/><p:x xmlns:p='urn:p' p:attr='a\tb\r\nc'>\n  <y/>\n</p:x></message>" +
        "  <presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='QgayPKawpkPSDYmwT/WM94uAlu0='/></presence>" +
        "<iq type='result' id='r1'><query xmlns='jabber:iq:roster'><item jid='a@b' name='Ā'><group>G😀</group></item></query></iq>" +
        "</stream:stream >");

    private static readonly Lazy<List<string>> Expected = new(() => ReadAllAsync(Reader(Sample)).GetAwaiter().GetResult());

    [Fact]
    public async Task The_sample_stream_reads_as_expected_in_one_piece()
    {
        XmlStreamReader reader = Reader(Sample);
        XmlStreamHeader header = await reader.ReadHeaderAsync(CancellationToken.None);
        await reader.ReadElementAsync(CancellationToken.None);
        XmppElement message = (await reader.ReadElementAsync(CancellationToken.None))!;

        Assert.Equal("éxample.com", header.From);
        Assert.Equal("m&1", message.GetAttribute("id"));
        Assert.Equal("Привет <世界> & 🎉😀é\nline\ntwo <raw>]] ]x]y", message.Element("body", "jabber:client")!.Value);
        Assert.Equal("a b c", message.Element("x", "urn:p")!.GetAttribute("attr", "urn:p"));
        Assert.Equal(6, Expected.Value.Count);
    }

    [Fact]
    public async Task Every_two_way_split_gives_the_same_elements()
    {
        for (int cut = 1; cut < Sample.Length; cut++)
        {
            List<string> items = await ReadAllAsync(Reader(Sample, null, cut));

            Assert.True(Expected.Value.SequenceEqual(items), $"Different result when cut at byte {cut}");
        }
    }

    [Fact]
    public async Task Every_three_way_split_around_multibyte_characters_gives_the_same_elements()
    {
        int[] multibyte = Enumerable.Range(0, Sample.Length).Where(i => Sample[i] >= 0xC0).ToArray();
        foreach (int lead in multibyte)
        {
            for (int a = lead - 1; a <= lead + 2; a++)
            {
                List<string> items = await ReadAllAsync(Reader(Sample, null, a, a + 1, a + 2));

                Assert.True(Expected.Value.SequenceEqual(items), $"Different result when cut at {a}, {a + 1}, {a + 2}");
            }
        }
    }

    [Fact]
    public async Task One_byte_segments_give_the_same_elements()
    {
        var reader = new XmlStreamReader(PipeReader.Create(ByteSegments(Sample)));

        Assert.Equal(Expected.Value, await ReadAllAsync(reader));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task A_pipe_fed_in_small_writes_gives_the_same_elements(int chunk)
    {
        (XmlStreamReader reader, Task writing) = Chunked(Sample, chunk);

        List<string> items = await ReadAllAsync(reader);
        await writing;

        Assert.Equal(Expected.Value, items);
    }

    [Fact]
    public async Task Every_two_way_split_gives_the_same_error()
    {
        byte[] broken = Utf8(ClientHeader + "<message><body>ok 😀</body><x xmlns='u'>&bogus;</x></message>");
        var first = await Assert.ThrowsAsync<XmppXmlException>(() => ReadAllAsync(Reader(broken)));
        for (int cut = 1; cut < broken.Length; cut++)
        {
            var e = await Assert.ThrowsAsync<XmppXmlException>(() => ReadAllAsync(Reader(broken, null, cut)));

            Assert.Equal((first.Condition, first.ByteOffset), (e.Condition, e.ByteOffset));
        }
    }
}
