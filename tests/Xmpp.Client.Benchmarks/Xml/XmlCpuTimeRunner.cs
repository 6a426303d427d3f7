using System.Diagnostics;
using System.Runtime;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Benchmarks.Xml;

/// <summary>
/// <c>xml-cpu [rounds]</c>: times the XML benchmarks' code paths by process CPU time instead of wall time, best of
/// several rounds in one process. On a shared machine wall time also measures whoever else runs; CPU time much less.
/// Run with <c>DOTNET_gcConcurrent=0</c> so that the GC's work is counted where it happens.
/// </summary>
internal static class XmlCpuTimeRunner
{
    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 6;
        string? only = args.Length > 1 ? args[1] : null;
        byte[] bytes = StreamData.Bytes;
        var parse = new ParseBenchmarks();
        parse.Setup();
        var write = new Lazy<WriteBenchmarks>(() =>
        {
            var w = new WriteBenchmarks();
            w.Setup();
            return w;
        });
        (string Name, Func<long> Body, double Bytes)[] cases =
        [
            ("parser", () => ParseWhole(bytes), bytes.Length),
            ("reader", () => parse.XmppStreamReader().GetAwaiter().GetResult(), bytes.Length),
            ("read-all (reader + every value)", () => parse.XmppStreamReaderReadAll().GetAwaiter().GetResult(), bytes.Length),
            ("(a) XmlReader nodes", () => parse.XmlReaderNodesOnly(), bytes.Length),
            ("(b) XmlReader + XNode.ReadFrom", () => parse.XmlReaderXElements(), bytes.Length),
            ("writer", () => write.Value.XmppStreamWriter(), 0),
        ];
        Console.WriteLine($"GC: server={GCSettings.IsServerGC}, latency={GCSettings.LatencyMode}; {rounds} rounds, best CPU time");
        foreach (var (name, body, size) in cases)
        {
            if (only is not null && !name.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            double best = double.MaxValue;
            long allocated = 0;
            int collections = 0;
            for (int r = 0; r < rounds; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long before = GC.GetAllocatedBytesForCurrentThread();
                int gcs = GC.CollectionCount(0);
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                body();
                double ms = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                collections = GC.CollectionCount(0) - gcs;
                best = Math.Min(best, ms);
            }

            double total = size == 0 ? StreamData.WrittenBytes : size;
            Console.WriteLine($"{name,-32} {best,8:F1} ms CPU  {total / best / 1e3,7:F1} MB/s  {allocated / (double)StreamData.Stanzas,7:F0} B/stanza  {collections,5} gen0 GCs");
        }

        return 0;
    }

    /// <summary>Our parser alone over the whole buffer (no pipe), counting the elements.</summary>
    private static long ParseWhole(byte[] bytes)
    {
        var parser = new XmlStreamParser(XmlStreamReaderOptions.Default);
        ReadOnlySpan<byte> span = bytes;
        long count = 0;
        int offset = 0;
        while (offset < span.Length)
        {
            ParseResult result = parser.Parse(span[offset..], offset, out int used);
            offset += used;
            if (result == ParseResult.Element)
            {
                parser.TakeElement();
                count++;
            }
            else if (result == ParseResult.StreamEnd || result == ParseResult.NeedMoreData)
            {
                break;
            }
        }

        return count;
    }
}
