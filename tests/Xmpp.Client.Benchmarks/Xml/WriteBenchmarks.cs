using System.Buffers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;

namespace Xmpp.Client.Benchmarks.Xml;

/// <summary>Writing the 100,000 stanzas of <see cref="StreamData"/> as UTF-8: our writer, and XElement.WriteTo(XmlWriter) for scale.</summary>
[Config(typeof(XmlBenchmarkConfig))]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(64 << 20);
    private readonly MemoryStream _stream = new(64 << 20);
    private XElement[] _xelements = [];

    [GlobalSetup]
    public void Setup()
    {
        _xelements = [.. StreamData.Elements.Select(e => e.ToXElement())];
        StreamData.WriteAll(_output);
    }

    [Benchmark(Baseline = true, Description = "Xmpp XmlStreamWriter ← XmppElement trees")]
    public long XmppStreamWriter() => StreamData.WriteAll(_output);

    [Benchmark(Description = "XElement.WriteTo(XmlWriter)")]
    public long XElementWriteTo()
    {
        _stream.SetLength(0);
        var settings = new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using (var writer = XmlWriter.Create(_stream, settings))
        {
            foreach (XElement e in _xelements)
            {
                e.WriteTo(writer);
            }
        }

        return _stream.Length;
    }
}
