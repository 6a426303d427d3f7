using System.Text;
using System.Xml;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// A parsed element reads its attributes and children from its stanza's node table when first asked, and a stanza
/// read whole gives its arrays back to the parser: whatever is read when, every element must show what was sent.
/// </summary>
public class ParsedStanzaTests
{
    [Fact]
    public async Task Stanzas_kept_unread_while_later_ones_are_parsed_and_read_show_what_was_sent()
    {
        string[] stanzas = [.. Enumerable.Range(0, 200).Select(Stanza)];
        List<XmppElement> parsed = await ParseAsync(stanzas);

        // Every second stanza is read at once (which hands its arrays to the next stanza), the others only at the end.
        for (int i = 0; i < parsed.Count; i += 2)
        {
            Assert.Equal(Expected(stanzas[i]), Canonical.Of(parsed[i]));
        }

        for (int i = 0; i < parsed.Count; i++)
        {
            Assert.Equal(Expected(stanzas[i]), Canonical.Of(parsed[i]));
        }
    }

    [Fact]
    public async Task A_stanza_read_in_part_keeps_what_it_has_not_read_while_its_successors_reuse_arrays()
    {
        string[] stanzas = [.. Enumerable.Range(0, 50).Select(Stanza)];
        var reader = await AfterHeaderAsync(string.Concat(stanzas) + "</stream:stream>");
        XmppElement first = (await reader.ReadElementAsync(CancellationToken.None))!;
        Assert.Equal("message", first.Name);
        Assert.Equal("chat", first.GetAttribute("type")); // the root reads; its children stay unread

        for (int i = 1; i < stanzas.Length; i++)
        {
            XmppElement next = (await reader.ReadElementAsync(CancellationToken.None))!;
            Assert.Equal(Expected(stanzas[i]), Canonical.Of(next));
        }

        Assert.Equal(Expected(stanzas[0]), Canonical.Of(first));
    }

    [Fact]
    public async Task Names_stay_right_when_the_string_table_starts_over_between_stanzas()
    {
        // More distinct names than the table holds before it starts over; the first stanza is read last.
        string[] stanzas = [.. Enumerable.Range(0, StringTable.MaxEntries + 500)
            .Select(i => $"<iq type='result' id='q{i}'><n{i} xmlns='urn:n:{i}' a{i}='v{i}'><m{i}>t{i}</m{i}></n{i}></iq>")];
        List<XmppElement> parsed = await ParseAsync(stanzas);

        for (int i = parsed.Count - 1; i >= 0; i--)
        {
            Assert.Equal(Expected(stanzas[i]), Canonical.Of(parsed[i]));
        }
    }

    [Fact]
    public async Task Readers_on_several_threads_see_the_same_child_nodes()
    {
        for (int round = 0; round < 50; round++)
        {
            XmppElement message = await FirstElementAsync(Stanza(round));
            using var start = new Barrier(8);
            Task<XmppNode[]>[] readers = [.. Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return Descendants(message).ToArray();
            }))];
            XmppNode[][] seen = await Task.WhenAll(readers);

            foreach (XmppNode[] nodes in seen)
            {
                Assert.Equal(seen[0].Length, nodes.Length);
                Assert.All(nodes.Zip(seen[0]), pair => Assert.Same(pair.Second, pair.First));
            }

            Assert.Equal(Expected(Stanza(round)), Canonical.Of(message));
        }
    }

    [Fact]
    public async Task Changing_an_unread_element_keeps_what_was_parsed()
    {
        XmppElement message = await FirstElementAsync("<message to='a@b' type='chat'><body>hi</body><x xmlns='urn:x'/></message>");

        message.SetAttribute("id", "1").Add(new XmppElement("y", "urn:y"));
        XmppElement body = message.Element("body", "jabber:client")!;
        body.SetAttribute("type", "chat", "");

        Assert.Equal(["to", "type", "id"], message.Attributes.Select(a => a.Name));
        Assert.Equal(["body", "x", "y"], message.Elements().Select(e => e.Name));
        Assert.Equal("hi", body.Value);
        Assert.Equal("chat", body.GetAttribute("type"));
    }

    [Fact]
    public async Task An_element_with_neither_attributes_nor_children_is_empty()
    {
        XmppElement message = await FirstElementAsync("<message><active xmlns='http://jabber.org/protocol/chatstates'/></message>");
        XmppElement active = Assert.Single(message.Elements());

        Assert.Empty(active.Attributes);
        Assert.Empty(active.Children);
        Assert.Equal("", active.Value);
        Assert.Empty(message.Attributes);
    }

    [Theory]
    [InlineData("<r zz='1' zz='2'/>")]
    [InlineData("<r é='1' é='2'/>")]
    [InlineData("<r xmlns:p='urn:same' xmlns:q='urn:same' p:zz='1' q:zz='2'/>")]
    public async Task A_duplicate_attribute_is_found_after_the_name_caches_are_full(string duplicate)
    {
        // 5,000 distinct names fill the parser's name table and name cache (then names are new strings each time).
        string filler = string.Concat(Enumerable.Range(0, 5000).Select(i => $"<f{i} a{i}='1'/>"));
        var reader = await AfterHeaderAsync(filler + duplicate + "</stream:stream>");
        for (int i = 0; i < 5000; i++)
        {
            Assert.NotNull(await reader.ReadElementAsync(CancellationToken.None));
        }

        var error = await Assert.ThrowsAsync<XmppXmlException>(async () => await reader.ReadElementAsync(CancellationToken.None));
        Assert.Equal(StreamErrorCondition.NotWellFormed, error.Condition);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    private static string Stanza(int i) =>
        $"<message from='contact{i % 7}@example.com/phone' to='me@example.com' type='chat' id='m{i}' xml:lang='en'>" +
        $"<body>hello {i} &amp; Grüße 😀 &lt;{i}&gt;</body><active xmlns='http://jabber.org/protocol/chatstates'/>" +
        $"<stanza-id xmlns='urn:xmpp:sid:0' id='sid-{i}' by='me@example.com'/>" +
        (i % 3 == 0 ? $"<x xmlns='urn:x'>a<y z='{i}'>b</y>c<y/></x>" : "") + "</message>";

    private static async Task<List<XmppElement>> ParseAsync(string[] stanzas)
    {
        var reader = await AfterHeaderAsync(string.Concat(stanzas) + "</stream:stream>");
        var parsed = new List<XmppElement>();
        while (await reader.ReadElementAsync(CancellationToken.None) is { } element)
        {
            parsed.Add(element);
        }

        Assert.Equal(stanzas.Length, parsed.Count);
        return parsed;
    }

    /// <summary>The stanza as System.Xml reads it, in the stream's default namespace.</summary>
    private static string Expected(string stanza)
    {
        var settings = new XmlReaderSettings { ConformanceLevel = ConformanceLevel.Fragment };
        var context = new XmlParserContext(null, new XmlNamespaceManager(new NameTable()), null, XmlSpace.None);
        context.NamespaceManager!.AddNamespace("", "jabber:client");
        using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(stanza)), settings, context);
        reader.MoveToContent();
        return Canonical.Of(Canonical.FromXmlReader(reader));
    }

    private static IEnumerable<XmppNode> Descendants(XmppElement root)
    {
        foreach (XmppNode child in root.Children)
        {
            yield return child;
            if (child is XmppElement element)
            {
                foreach (XmppNode node in Descendants(element))
                {
                    yield return node;
                }
            }
        }
    }
}
