using System.IO.Pipelines;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Benchmarks.Xml;

/// <summary>
/// Parsing the 100,000-stanza stream of <see cref="StreamData"/>: our reader building a tree per stanza, against
/// (a) XmlReader visiting every node and building nothing (the floor for System.Xml) and (b) XmlReader with
/// XNode.ReadFrom building an XElement per stanza (what a straightforward library does). All three read the same
/// bytes from a MemoryStream; ours through a PipeReader in 16 KiB reads (the size of a TLS record). A second case of
/// ours also reads every name, attribute value and text as a string, as (b) has them.
/// </summary>
[Config(typeof(XmlBenchmarkConfig))]
public class ParseBenchmarks
{
    private static readonly XmlReaderSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
    };

    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = StreamData.Bytes;

    [Benchmark(Description = "Xmpp XmlStreamReader → XmppElement trees")]
    public async Task<int> XmppStreamReader()
    {
        var reader = await OpenReaderAsync();
        int count = 0;
        while (await reader.ReadElementAsync(CancellationToken.None) is not null)
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "Xmpp XmlStreamReader → trees, every name, attribute and text read")]
    public async Task<long> XmppStreamReaderReadAll()
    {
        var reader = await OpenReaderAsync();
        long characters = 0;
        var pending = new Stack<XmppElement>();
        while (await reader.ReadElementAsync(CancellationToken.None) is { } element)
        {
            characters += ReadEverything(element, pending);
        }

        return characters;
    }

    /// <summary>
    /// Reads every element name and namespace, every attribute value and every text of a tree as strings (what (b)
    /// materializes), through the public-facing members; returns the number of characters so nothing is optimized away.
    /// </summary>
    private static long ReadEverything(XmppElement root, Stack<XmppElement> pending)
    {
        long characters = 0;
        pending.Push(root);
        while (pending.Count > 0)
        {
            XmppElement element = pending.Pop();
            characters += element.Name.Length + element.Namespace.Length;
            foreach (XmppAttribute a in element.Attributes)
            {
                characters += a.Name.Length + a.Value.Length;
            }

            if (element.LoneText is { } text)
            {
                characters += text.Length; // as Value reads it: without making a node of it
                continue;
            }

            foreach (XmppNode child in element.Children)
            {
                if (child is XmppElement e)
                {
                    pending.Push(e);
                }
                else
                {
                    characters += ((XmppText)child).Value.Length;
                }
            }
        }

        return characters;
    }

    /// <summary>Our reader over the data through a PipeReader in 16 KiB reads, past the stream header.</summary>
    private async Task<XmlStreamReader> OpenReaderAsync()
    {
        var pipe = PipeReader.Create(new MemoryStream(_bytes), new StreamPipeReaderOptions(bufferSize: 16 * 1024));
        var reader = new XmlStreamReader(pipe);
        await reader.ReadHeaderAsync(CancellationToken.None);
        return reader;
    }

    [Benchmark(Baseline = true, Description = "(a) XmlReader, every node, no tree")]
    public int XmlReaderNodesOnly()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        int count = 0;
        while (reader.Read())
        {
            if (reader.Depth == 1 && reader.NodeType == XmlNodeType.Element)
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(Description = "(b) XmlReader + XNode.ReadFrom → XElement")]
    public int XmlReaderXElements()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes), Settings);
        reader.MoveToContent();
        reader.Read();
        int count = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                _ = (XElement)XNode.ReadFrom(reader);
                count++;
            }
            else
            {
                reader.Read();
            }
        }

        return count;
    }
}
