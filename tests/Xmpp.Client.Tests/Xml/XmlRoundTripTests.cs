using System.Buffers;
using System.Text;
using System.Xml;
using Xmpp.Client.Xml;
using static Xmpp.Client.Tests.Xml.XmlTestStreams;

namespace Xmpp.Client.Tests.Xml;

/// <summary>
/// Differential tests on thousands of random trees: what the writer writes, our reader and System.Xml's XmlReader both
/// read back as the same tree; and what System.Xml writes (with its own prefixes, in a stream whose default namespace
/// is none, as XmlWriter assumes), our reader reads as the same tree.
/// </summary>
public class XmlRoundTripTests
{
    private const int Trees = 3000;
    private const string Header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    [Fact]
    public async Task Reader_of_writer_output_gives_the_same_tree_however_the_bytes_are_cut()
    {
        var trees = new RandomTrees(seed: 1);
        var random = new Random(2);
        for (int n = 0; n < Trees; n++)
        {
            XmppElement tree = trees.Next();
            byte[] data = Stream(tree);

            int[] cuts = [random.Next(data.Length), random.Next(data.Length), random.Next(data.Length)];
            XmlStreamReader reader = Reader(data, null, cuts);
            await reader.ReadHeaderAsync(CancellationToken.None);
            XmppElement? read = await reader.ReadElementAsync(CancellationToken.None);

            Assert.True(Canonical.Of(tree) == Canonical.Of(read!), $"Tree {n} differs after a round trip:\n{Encoding.UTF8.GetString(data)}");
            Assert.Null(await reader.ReadElementAsync(CancellationToken.None));
        }
    }

    [Fact]
    public void XmlReader_reads_the_writer_output_as_the_same_tree()
    {
        var trees = new RandomTrees(seed: 3, fifthEditionNames: false);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        for (int n = 0; n < Trees; n++)
        {
            XmppElement tree = trees.Next();
            byte[] data = Stream(tree);

            using var reader = XmlReader.Create(new MemoryStream(data), settings);
            reader.MoveToContent();
            reader.Read();
            XmppElement read = Canonical.FromXmlReader(reader);

            Assert.True(Canonical.Of(tree) == Canonical.Of(read), $"Tree {n} differs through XmlReader:\n{Encoding.UTF8.GetString(data)}");
        }
    }

    [Fact]
    public async Task Reader_reads_System_Xml_output_with_its_own_prefixes_as_the_same_tree()
    {
        var trees = new RandomTrees(seed: 4, fifthEditionNames: false);
        var random = new Random(5);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize, Encoding = new UTF8Encoding(false) };
        for (int n = 0; n < Trees; n++)
        {
            XmppElement tree = trees.Next();
            System.Xml.Linq.XElement x = tree.ToXElement();
            foreach (System.Xml.Linq.XElement e in x.DescendantsAndSelf().Where(e => e.Name.NamespaceName.Length > 0 && random.Next(3) == 0))
            {
                e.Add(new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + ("p" + random.Next(3)), e.Name.NamespaceName));
            }

            var output = new MemoryStream();
            output.Write(Utf8("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"));
            using (var writer = XmlWriter.Create(output, settings))
            {
                x.WriteTo(writer);
            }

            output.Write(Utf8("</stream:stream>"));
            XmlStreamReader reader = Reader(output.ToArray(), null, random.Next((int)output.Length));
            await reader.ReadHeaderAsync(CancellationToken.None);
            XmppElement? read = await reader.ReadElementAsync(CancellationToken.None);

            Assert.True(Canonical.Of(tree) == Canonical.Of(read!), $"Tree {n} differs:\n{Encoding.UTF8.GetString(output.ToArray())}");
        }
    }

    private static byte[] Stream(XmppElement tree)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(Utf8(Header));
        XmlStreamWriter.WriteElement(output, tree);
        XmlStreamWriter.WriteStreamEnd(output);
        return output.WrittenSpan.ToArray();
    }
}
