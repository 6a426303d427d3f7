using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

public class XmlStreamReaderViolationTests
{
    private const string Header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    public static TheoryData<string, StreamErrorCondition> AfterHeader => new()
    {
        // RFC 6120 §11.1 restricted XML.
        { "<message><!-- note --></message>", StreamErrorCondition.RestrictedXml },
        { "<!-- between stanzas --><message/>", StreamErrorCondition.RestrictedXml },
        { "<message><?php echo 1; ?></message>", StreamErrorCondition.RestrictedXml },
        { "<?pi?><message/>", StreamErrorCondition.RestrictedXml },
        { "<message><body>&nbsp;</body></message>", StreamErrorCondition.RestrictedXml },
        { "<message><body>&foo;</body></message>", StreamErrorCondition.RestrictedXml },
        { "<message to='&ent;'/>", StreamErrorCondition.RestrictedXml },
        { "<message><body>&averyveryverylongname;</body></message>", StreamErrorCondition.RestrictedXml },
        { "<message><!DOCTYPE x></message>", StreamErrorCondition.RestrictedXml },

        // Well-formedness.
        { "<a></b>", StreamErrorCondition.NotWellFormed },
        { "<a><b></a></b>", StreamErrorCondition.NotWellFormed },
        { "</message>", StreamErrorCondition.NotWellFormed },
        { "</stream>", StreamErrorCondition.NotWellFormed },
        { "<a x='1' x='2'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:p='u' xmlns:p='v'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns='u' xmlns='v'/>", StreamErrorCondition.NotWellFormed },
        { "<p:a/>", StreamErrorCondition.NotWellFormed },
        { "<a p:x='1'/>", StreamErrorCondition.NotWellFormed },
        { "<a><p:b xmlns:p='u'/><p:c/></a>", StreamErrorCondition.NotWellFormed },
        { "<1a/>", StreamErrorCondition.NotWellFormed },
        { "<a:1b xmlns:a='u'/>", StreamErrorCondition.NotWellFormed },
        { "<a:b:c xmlns:a='u'/>", StreamErrorCondition.NotWellFormed },
        { "<:a/>", StreamErrorCondition.NotWellFormed },
        { "<a:/>", StreamErrorCondition.NotWellFormed },
        { "<a\u00D7b/>", StreamErrorCondition.NotWellFormed },
        { "< a/>", StreamErrorCondition.NotWellFormed },
        { "<a>\u0001</a>", StreamErrorCondition.NotWellFormed },
        { "<a x='\u0008'/>", StreamErrorCondition.NotWellFormed },
        { "<a>&#0;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#x8;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#xD800;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#xFFFE;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#x110000;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#99999999999999999999;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#xZZ;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&#x;</a>", StreamErrorCondition.NotWellFormed },
        { "<a>a & b</a>", StreamErrorCondition.NotWellFormed },
        { "<a>&lt</a>", StreamErrorCondition.NotWellFormed },
        { "<a>\uFFFE</a>", StreamErrorCondition.NotWellFormed },
        { "<a>x]]>y</a>", StreamErrorCondition.NotWellFormed },
        { "<a>]]]></a>", StreamErrorCondition.NotWellFormed },
        { "<a x='<'/>", StreamErrorCondition.NotWellFormed },
        { "<a x=1/>", StreamErrorCondition.NotWellFormed },
        { "<a x/>", StreamErrorCondition.NotWellFormed },
        { "<a x='1'y='2'/>", StreamErrorCondition.NotWellFormed },
        { "<a x='1/>", StreamErrorCondition.NotWellFormed },
        { "<a/ >", StreamErrorCondition.NotWellFormed },
        { "<a></a x>", StreamErrorCondition.NotWellFormed },
        { "<a><!x></a>", StreamErrorCondition.NotWellFormed },
        { "<a><![CDATX[x]]></a>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:p=''/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:xmlns='u'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:xml='u'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns:p='http://www.w3.org/XML/1998/namespace'/>", StreamErrorCondition.NotWellFormed },
        { "<a xmlns='http://www.w3.org/2000/xmlns/'/>", StreamErrorCondition.NotWellFormed },
        { "<xmlns:a/>", StreamErrorCondition.NotWellFormed },
        { "<a><?xml version='1.0'?></a>", StreamErrorCondition.NotWellFormed },
        { "<?xml version='1.0'?><a/>", StreamErrorCondition.NotWellFormed },
        { "<a><?XmL x?></a>", StreamErrorCondition.NotWellFormed },

        // Character data at stream level.
        { "hello<a/>", StreamErrorCondition.BadFormat },
        { "&#32;<a/>", StreamErrorCondition.BadFormat },
        { "<![CDATA[x]]>", StreamErrorCondition.BadFormat },
    };

    public static TheoryData<string, StreamErrorCondition> Prologs => new()
    {
        { "<!DOCTYPE stream>" + Header, StreamErrorCondition.RestrictedXml },
        { "<!-- hi -->" + Header, StreamErrorCondition.RestrictedXml },
        { "<?xml-stylesheet href='a'?>" + Header, StreamErrorCondition.RestrictedXml },
        { " <?xml version='1.0'?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml version='1.0'?><?xml version='1.0'?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml version='2.0'?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml encoding='UTF-8' version='1.0'?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml version='1.0' standalone='maybe'?>" + Header, StreamErrorCondition.NotWellFormed },
        { "<?xml version='1.0' encoding='ISO-8859-1'?>" + Header, StreamErrorCondition.UnsupportedEncoding },
        { "<?xml version='1.0' encoding='UTF-16'?>" + Header, StreamErrorCondition.UnsupportedEncoding },
        { "\uFEFF" + Header, StreamErrorCondition.NotWellFormed },
        { "hello" + Header, StreamErrorCondition.NotWellFormed },
        { "</stream:stream>", StreamErrorCondition.NotWellFormed },
        { "<stream xmlns='http://etherx.jabber.org/streams'>", StreamErrorCondition.BadNamespacePrefix },
        { "<stream:stream xmlns='jabber:client'>", StreamErrorCondition.BadNamespacePrefix },
        { "<stream:stream xmlns:stream='urn:not-streams' xmlns='jabber:client'>", StreamErrorCondition.InvalidNamespace },
        { "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>", StreamErrorCondition.InvalidNamespace },
        { "<message xmlns='jabber:client'>", StreamErrorCondition.InvalidNamespace },
        { "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' a='1' a='2'>", StreamErrorCondition.NotWellFormed },
    };

    [Theory]
    [MemberData(nameof(AfterHeader))]
    public async Task Reader_rejects_a_violation_inside_the_stream(string xml, StreamErrorCondition condition)
    {
        XmlStreamReader reader = Reader(Header + xml + "<more/></stream:stream>");
        await reader.ReadHeaderAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () =>
        {
            while (await reader.ReadElementAsync(CancellationToken.None) is not null)
            {
            }
        });

        Assert.Equal(condition, e.Condition);
    }

    [Theory]
    [MemberData(nameof(Prologs))]
    public async Task Reader_rejects_a_violation_before_or_in_the_header(string xml, StreamErrorCondition condition)
    {
        XmlStreamReader reader = Reader(xml + "<more/>");

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Equal(condition, e.Condition);
    }

    [Theory]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x3C })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3C, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x3C, 0x00, 0x3F })]
    [InlineData(new byte[] { 0x3C, 0x00, 0x3F, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF })]
    public async Task Reader_rejects_utf16_and_utf32_as_unsupported_encoding(byte[] start)
    {
        XmlStreamReader reader = Reader([.. start, .. Utf8("more")]);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.UnsupportedEncoding, e.Condition);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public async Task Reader_rejects_invalid_utf8_as_unsupported_encoding(byte[] bad)
    {
        foreach (string[] around in new[] { new[] { "<a>", "</a>" }, new[] { "<a x='", "'/>" }, new[] { "<a", "/>" }, new[] { "<a><![CDATA[", "]]></a>" } })
        {
            XmlStreamReader reader = Reader([.. Utf8(Header + around[0]), .. bad, .. Utf8(around[1])]);
            await reader.ReadHeaderAsync(CancellationToken.None);

            var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(CancellationToken.None));

            Assert.Equal(StreamErrorCondition.UnsupportedEncoding, e.Condition);
        }
    }

    [Fact]
    public async Task Reader_rejects_more_attributes_than_the_limit_as_policy_violation()
    {
        var options = new XmlStreamReaderOptions { MaxAttributes = 3 };
        XmlStreamReader reader = Reader(Header + "<a b='1' c='2' d='3'/><a b='1' c='2' d='3' e='4'/>", options);
        await reader.ReadHeaderAsync(CancellationToken.None);
        await reader.ReadElementAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(CancellationToken.None));

        Assert.Equal(StreamErrorCondition.PolicyViolation, e.Condition);
    }
}
