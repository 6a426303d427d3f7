using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>The parser's name tables start small and grow; every name reads back right however many there are.</summary>
public class XmlNameGrowthTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1500)]
    public async Task Many_distinct_names_read_back_right_twice(int count)
    {
        var stanza = string.Concat(Enumerable.Range(0, count).Select(i => $"<n{i}:e{i} xmlns:n{i}='urn:ns{i}' n{i}:a{i}='v{i}'/>"));
        XmlStreamReader reader = await AfterHeaderAsync($"<message>{stanza}</message><message>{stanza}</message></stream:stream>");

        for (int round = 0; round < 2; round++)
        {
            XmppElement message = (await reader.ReadElementAsync(CancellationToken.None))!;
            var children = message.Elements().ToList();

            Assert.Equal(count, children.Count);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal($"e{i}", children[i].Name);
                Assert.Equal($"urn:ns{i}", children[i].Namespace);
                Assert.Equal($"v{i}", children[i].GetAttribute($"a{i}", $"urn:ns{i}"));
            }
        }
    }
}
