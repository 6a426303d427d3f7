using System.Buffers;
using System.IO.Pipelines;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Fuzz;

/// <summary>
/// One fuzz input: byte 0 picks how the rest is cut into segments, which options apply and whether elements over a
/// limit are skipped (after the header); the rest is an XML stream.
/// The reader must either read it or throw <see cref="XmppXmlException"/> / <see cref="EndOfStreamException"/>;
/// every element it returns must survive writer → reader unchanged. Anything else is a crash.
/// </summary>
internal static class XmlStreamTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        int control = input[0];
        byte[] xml = input[1..].ToArray();
        var options = new XmlStreamReaderOptions
        {
            MaxElementBytes = 64 * 1024,
            MaxDepth = 16,
            MaxAttributes = 16,
            AllowComments = (control & 0x40) != 0,
            AllowProcessingInstructions = (control & 0x80) != 0,
        };
        int segment = (control & 0x1F) == 0 ? int.MaxValue : control & 0x1F;
        var reader = new XmlStreamReader(PipeReader.Create(Segments(xml, segment)), options);
        XmlStreamHeader? header = null;
        var later = new List<XmppElement>();
        try
        {
            header = Sync(reader.ReadHeaderAsync(CancellationToken.None));
            reader.SkipElementsOverLimits = (control & 0x20) != 0;
            while (Sync(reader.ReadAsync(CancellationToken.None)) is { IsEnd: false } item)
            {
                if (item.Element is not { } element)
                {
                    continue; // skipped: nothing of it to check but that reading goes on
                }

                // A parsed element reads its parts when first asked, and one read whole gives its arrays back to the
                // parser: check every second element at once and the others after all that followed them.
                if (later.Count % 2 == 0)
                {
                    CheckRoundTrip(header, element);
                }

                later.Add(element);
            }
        }
        catch (XmppXmlException)
        {
            // The expected outcome for broken input.
        }
        catch (EndOfStreamException)
        {
            // The expected outcome for input that stops early.
        }

        for (int i = 1; i < later.Count; i += 2)
        {
            CheckRoundTrip(header!, later[i]);
        }
    }

    /// <summary>Writes the element in a stream like the one it came from and reads it back: the trees must be equal.</summary>
    private static void CheckRoundTrip(XmlStreamHeader header, XmppElement element)
    {
        var output = new ArrayBufferWriter<byte>();
        XmlStreamWriter.WriteStreamHeader(output, header);
        XmlStreamWriter.WriteElement(output, element, header.DefaultNamespace, header.StreamPrefix);
        XmlStreamWriter.WriteStreamEnd(output, header.StreamPrefix);

        var reader = new XmlStreamReader(PipeReader.Create(new ReadOnlySequence<byte>(output.WrittenMemory)));
        XmlStreamHeader again = Sync(reader.ReadHeaderAsync(CancellationToken.None));
        XmppElement? copy = Sync(reader.ReadElementAsync(CancellationToken.None));
        if (again with { Namespaces = header.Namespaces } != header || copy is null || !TreeEquality.Equal(element, copy)
            || Sync(reader.ReadElementAsync(CancellationToken.None)) is not null)
        {
            throw new InvalidOperationException($"Round trip changed the element:\n{element}\n{copy}");
        }
    }

    /// <summary>Reads over an in-memory sequence complete synchronously; anything else is a bug worth a crash.</summary>
    private static T Sync<T>(ValueTask<T> task) => task.IsCompleted
        ? task.GetAwaiter().GetResult()
        : throw new InvalidOperationException("A read over an in-memory sequence did not complete synchronously.");

    private static ReadOnlySequence<byte> Segments(byte[] data, int size)
    {
        if (data.Length <= size)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var first = new Segment(data.AsMemory(0, size), 0);
        Segment last = first;
        for (int i = size; i < data.Length; i += size)
        {
            last = last.Append(data.AsMemory(i, Math.Min(size, data.Length - i)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

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
