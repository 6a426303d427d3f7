using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Xml;

/// <summary>Builds input pipes for the reader and reads whole streams from them.</summary>
internal static class XmlTestStreams
{
    public const string ClientHeader =
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' " +
        "from='example.com' id='s1' version='1.0' xml:lang='en'>";

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>A reader over the bytes cut into segments at the given offsets.</summary>
    public static XmlStreamReader Reader(byte[] data, XmlStreamReaderOptions? options = null, params int[] cuts) =>
        new(PipeReader.Create(Segments(data, cuts)), options);

    public static XmlStreamReader Reader(string xml, XmlStreamReaderOptions? options = null) => Reader(Utf8(xml), options);

    /// <summary>A reader over the stream header followed by <paramref name="xml"/>.</summary>
    public static async Task<XmlStreamReader> AfterHeaderAsync(string xml, XmlStreamReaderOptions? options = null)
    {
        XmlStreamReader reader = Reader(ClientHeader + xml, options);
        await reader.ReadHeaderAsync(CancellationToken.None);
        return reader;
    }

    /// <summary>The first element after a client stream header.</summary>
    public static async Task<XmppElement> FirstElementAsync(string xml, XmlStreamReaderOptions? options = null)
    {
        XmlStreamReader reader = await AfterHeaderAsync(xml + "</stream:stream>", options);
        XmppElement? element = await reader.ReadElementAsync(CancellationToken.None);
        Assert.NotNull(element);
        return element;
    }

    /// <summary>A sequence of the bytes cut at the given offsets (each cut starts a new segment).</summary>
    public static ReadOnlySequence<byte> Segments(byte[] data, params int[] cuts)
    {
        var bounds = cuts.Where(c => c > 0 && c < data.Length).Distinct().Order().Append(data.Length).ToArray();
        if (bounds.Length == 1)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var first = new Segment(data.AsMemory(0, bounds[0]), 0);
        Segment last = first;
        for (int i = 1; i < bounds.Length; i++)
        {
            last = last.Append(data.AsMemory(bounds[i - 1], bounds[i] - bounds[i - 1]));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every single byte its own segment.</summary>
    public static ReadOnlySequence<byte> ByteSegments(byte[] data) => Segments(data, Enumerable.Range(1, data.Length).ToArray());

    /// <summary>Reads the header, every element and the end; describes each as canonical text.</summary>
    public static async Task<List<string>> ReadAllAsync(XmlStreamReader reader)
    {
        XmlStreamHeader header = await reader.ReadHeaderAsync(CancellationToken.None);
        var items = new List<string> { Describe(header) };
        while (await reader.ReadElementAsync(CancellationToken.None) is { } element)
        {
            items.Add(Canonical.Of(element));
        }

        items.Add("END");
        return items;
    }

    /// <summary>Writes the bytes into a pipe in chunks (flushing each) while the returned reader consumes them.</summary>
    public static (XmlStreamReader Reader, Task Writing) Chunked(byte[] data, int chunk, XmlStreamReaderOptions? options = null)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: chunk * 4, resumeWriterThreshold: chunk * 2, useSynchronizationContext: false));
        async Task WriteAsync()
        {
            for (int i = 0; i < data.Length; i += chunk)
            {
                await pipe.Writer.WriteAsync(data.AsMemory(i, Math.Min(chunk, data.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        }

        return (new XmlStreamReader(pipe.Reader, options), Task.Run(WriteAsync));
    }

    public static string Describe(XmlStreamHeader h) =>
        $"HEADER from={h.From} to={h.To} id={h.Id} version={h.Version} lang={h.Language} default={h.DefaultNamespace} prefix={h.StreamPrefix} " +
        string.Join(",", h.Namespaces.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
