using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Xmpp.Client.Benchmarks.Xml;

/// <summary>Adds MB/s, stanzas/s and bytes allocated per stanza to the usual columns (one operation = the whole stream).</summary>
public sealed class XmlBenchmarkConfig : ManualConfig
{
    public XmlBenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn("MB/s", (summary, c) => Bytes(c) / Seconds(summary, c) / 1e6));
        AddColumn(new ThroughputColumn("Stanzas/s", (summary, c) => StreamData.Stanzas / Seconds(summary, c)));
        AddColumn(new ThroughputColumn("Alloc/stanza (B)",
            (summary, c) => (summary[c]?.GcStats.GetBytesAllocatedPerOperation(c) ?? 0) / (double)StreamData.Stanzas));
    }

    private static double Bytes(BenchmarkCase c) =>
        c.Descriptor.Type == typeof(WriteBenchmarks) ? StreamData.WrittenBytes : StreamData.Bytes.Length;

    private static double Seconds(Summary summary, BenchmarkCase c) => (summary[c]?.ResultStatistics?.Mean ?? double.NaN) / 1e9;

    private sealed class ThroughputColumn(string name, Func<Summary, BenchmarkCase, double> value) : IColumn
    {
        public string Id => "Xmpp." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name switch
        {
            "MB/s" => "Stream bytes (10^6) per second",
            "Stanzas/s" => "Top-level elements per second",
            _ => "Bytes allocated per operation / 100,000 stanzas",
        };

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double v = value(summary, benchmarkCase);
            return double.IsFinite(v) ? v.ToString(v >= 100 ? "N0" : "N1", System.Globalization.CultureInfo.InvariantCulture) : "?";
        }
    }
}
