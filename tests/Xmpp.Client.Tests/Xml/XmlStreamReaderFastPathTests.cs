using System.Xml;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// Start tags that lie whole within a span take a fast path; cut ones, and ones it does not handle, go through the
/// state machine. Both must give the same trees and the same errors, at the same byte offsets.
/// </summary>
public class XmlStreamReaderFastPathTests
{
    /// <summary>Tags the fast path reads, tags it leaves to the state machine, and tags near its edges.</summary>
    private static readonly string[] Stanzas =
    [
        "<message from='a@b/c' to=\"d@e\" type='chat' id='x1' xml:lang='en'><body>hi</body></message>",
        "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>",
        "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v='/><x xmlns='vcard-temp:x:update' /></presence>",
        "<a b-c.d_e9='1' _f=''/>",
        "<a b='Ā😀 é'><b c='Привет' d='世界'>x</b></a>",
        "<a b='caf&#xE9;' c='&amp;&lt;&gt;&apos;&quot;' d='a\tb\nc\r\nd'>caf&#233;</a>",
        "<a b = '1'\t\r\nc\n=\n\"2\"  ></a  >",
        "<a b='1' c='2'   />",
        "<p:a xmlns:p='urn:p' p:b='1' xmlns:q='urn:q' q:c='2'><p:d p:e='3'/><q:f/></p:a>",
        "<a xmlns='urn:a'><b xmlns=''><c xmlns='urn:c' xml:lang='de'/></b></a>",
        "<a b='1' xmlns='urn:a' c='2' xmlns:p='urn:p' d='3' p:e='4'><f xml:lang='en' xmlns='urn:f' g='5'/></a>",
        "<délai xmlns='urn:xmpp:delay' stamp='2024'/>",
        "<a bé='1' é='2'/>",
        "<a b='>' c='/>'/>",
        "<a " + string.Join(" ", Enumerable.Range(0, 40).Select(n => $"n{n}='{n}'")) + "/>",
        "<" + new string('n', 200) + " " + new string('m', 150) + "='1'/>",
        "<a b='" + new string('v', 100) + "' c='" + new string('é', 50) + "'>" + new string('t', 40) + "&#xE9;</a>",
    ];

    private static readonly byte[] Stream = Utf8(ClientHeader + string.Concat(Stanzas) + "</stream:stream>");

    private static readonly Lazy<List<string>> Whole = new(() => ReadAllAsync(Reader(Stream)).GetAwaiter().GetResult());

    [Fact]
    public void Tags_read_whole_give_the_trees_System_Xml_gives()
    {
        var settings = new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Prohibit };
        var context = new XmlParserContext(null, new XmlNamespaceManager(new NameTable()), null, XmlSpace.None);
        context.NamespaceManager!.AddNamespace("", "jabber:client");
        var expected = new List<string>();
        using (var reader = XmlReader.Create(new StringReader(string.Concat(Stanzas)), settings, context))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    expected.Add(Canonical.Of(Canonical.FromXmlReader(reader)));
                }
            }
        }

        Assert.Equal(expected, Whole.Value[1..^1]);
    }

    [Fact]
    public async Task Every_two_way_split_gives_the_trees_of_the_whole_read()
    {
        for (int cut = 1; cut < Stream.Length; cut++)
        {
            List<string> items = await ReadAllAsync(Reader(Stream, null, cut));

            Assert.True(Whole.Value.SequenceEqual(items), $"Different result when cut at byte {cut}");
        }
    }

    [Fact]
    public async Task One_byte_segments_give_the_trees_of_the_whole_read()
    {
        var reader = new XmlStreamReader(System.IO.Pipelines.PipeReader.Create(ByteSegments(Stream)));

        Assert.Equal(Whole.Value, await ReadAllAsync(reader));
    }

    [Fact]
    public async Task More_distinct_names_than_the_parser_remembers_still_read_correctly()
    {
        string children = string.Concat(Enumerable.Range(0, 3000).Select(n => $"<e{n} a{n}='v{n}' b='{n % 7}'>t{n % 3}</e{n}>"));
        string xml = $"<message>{children}</message>";

        XmlStreamReader reader = await AfterHeaderAsync(xml + xml + "</stream:stream>");

        for (int round = 0; round < 2; round++)
        {
            XmppElement message = (await reader.ReadElementAsync(CancellationToken.None))!;
            Assert.Equal(3000, message.Children.Count);
            Assert.All(message.Elements().Select((e, n) => (e, n)), x =>
                Assert.Equal(($"e{x.n}", $"v{x.n}", $"{x.n % 7}", $"t{x.n % 3}"), (x.e.Name, x.e.GetAttribute($"a{x.n}"), x.e.GetAttribute("b"), x.e.Value)));
        }
    }

    [Fact]
    public async Task Non_ascii_from_character_references_alone_is_decoded()
    {
        XmppElement e = await FirstElementAsync("<a b='caf&#xE9;' c='x&#x4E16;'>caf&#233;</a>");

        Assert.Equal(("café", "x世", "café"), (e.GetAttribute("b"), e.GetAttribute("c"), e.Value));
    }

    public static TheoryData<string, StreamErrorCondition> BrokenTags => new()
    {
        { "<a b='1' b='2'/>", StreamErrorCondition.NotWellFormed },
        { "<a b='1'c='2'/>", StreamErrorCondition.NotWellFormed },
        { "<a b='x<y'/>", StreamErrorCondition.NotWellFormed },
        { "<a :b='1'/>", StreamErrorCondition.NotWellFormed },
        { "<a b:='1'/>", StreamErrorCondition.NotWellFormed },
        { "<a b:c:d='1'/>", StreamErrorCondition.NotWellFormed },
        { "<a b:1='1'/>", StreamErrorCondition.NotWellFormed },
        { "<a p:b='1'/>", StreamErrorCondition.NotWellFormed },
        { "<p:a/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:p=''/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:xmlns='u'/>", StreamErrorCondition.NotWellFormed },
        { "<a b='\u0001'/>", StreamErrorCondition.NotWellFormed },
        { "<a b='\uFFFE'/>", StreamErrorCondition.NotWellFormed },
        { "<a b='1'/ >", StreamErrorCondition.NotWellFormed },
        { "<a b='1' =''/>", StreamErrorCondition.NotWellFormed },
        { "<a b='&bogus;'/>", StreamErrorCondition.RestrictedXml },
        { "<a><b c='1'/></a >x", StreamErrorCondition.BadFormat },
    };

    [Theory]
    [MemberData(nameof(BrokenTags))]
    public async Task A_broken_tag_fails_the_same_whole_or_cut_anywhere(string xml, StreamErrorCondition condition)
    {
        byte[] data = Utf8(ClientHeader + xml + "</stream:stream>");
        await AssertSameErrorEverywhereAsync(data, condition);
    }

    [Fact]
    public async Task Invalid_utf8_in_an_attribute_value_fails_the_same_whole_or_cut_anywhere()
    {
        byte[] data = [.. Utf8(ClientHeader + "<a b='x"), 0xC3, 0x28, .. Utf8("'/></stream:stream>")];
        await AssertSameErrorEverywhereAsync(data, StreamErrorCondition.UnsupportedEncoding);
    }

    [Fact]
    public async Task Too_many_attributes_fail_the_same_whole_or_cut_anywhere()
    {
        var options = new XmlStreamReaderOptions { MaxAttributes = 6 }; // the header has 6
        string six = "<a b='1' c='2' d='3' e='4' f='5' g='6'/>";
        byte[] data = Utf8(ClientHeader + six.Replace("/>", " h='7'/>", StringComparison.Ordinal) + "</stream:stream>");

        Assert.Equal(6, (await FirstElementAsync(six, options)).Attributes.Count);
        await AssertSameErrorEverywhereAsync(data, StreamErrorCondition.PolicyViolation, options);
    }

    [Fact]
    public async Task A_tag_longer_than_MaxElementBytes_fails_the_same_whole_or_cut_anywhere()
    {
        var options = new XmlStreamReaderOptions { MaxElementBytes = 200 }; // the header has ~160 bytes
        byte[] data = Utf8(ClientHeader + "<a b='1'/><a b='" + new string('v', 200) + "'/></stream:stream>");

        await AssertSameErrorEverywhereAsync(data, StreamErrorCondition.PolicyViolation, options);
    }

    private static async Task AssertSameErrorEverywhereAsync(byte[] data, StreamErrorCondition condition, XmlStreamReaderOptions? options = null)
    {
        var whole = await Assert.ThrowsAsync<XmppXmlException>(() => ReadAllAsync(Reader(data, options)));
        Assert.Equal(condition, whole.Condition);
        for (int cut = 1; cut < data.Length; cut++)
        {
            var e = await Assert.ThrowsAsync<XmppXmlException>(() => ReadAllAsync(Reader(data, options, cut)));

            Assert.True((whole.Condition, whole.ByteOffset) == (e.Condition, e.ByteOffset),
                $"Cut at {cut}: {e.Condition} at {e.ByteOffset}, whole: {whole.Condition} at {whole.ByteOffset}");
        }

        var bytes = await Assert.ThrowsAsync<XmppXmlException>(() =>
            ReadAllAsync(new XmlStreamReader(System.IO.Pipelines.PipeReader.Create(ByteSegments(data)), options)));
        Assert.Equal((whole.Condition, whole.ByteOffset), (bytes.Condition, bytes.ByteOffset));
    }
}
