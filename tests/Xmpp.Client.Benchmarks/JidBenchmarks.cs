using BenchmarkDotNet.Attributes;

namespace Xmpp.Client.Benchmarks;

/// <summary>
/// Parsing, comparing and formatting JIDs. A canonical ASCII JID should parse without allocating (its string is
/// reused); a mixed-case one with one string; Unicode ones take the normalisation and IDNA slow path.
/// </summary>
[MemoryDiagnoser]
public class JidBenchmarks
{
    private const string BareText = "juliet@example.com";
    private const string FullText = "juliet@example.com/balcony";
    private const string MixedCaseText = "Juliet@Example.COM/Balcony";
    private const string UnicodeText = "Σωκράτης@Ελληνικά.example/Φιλοσοφία";

    private readonly Jid _full = Jid.Parse(FullText);
    // Equal to _full but parsed from another spelling, so the comparison cannot stop at reference equality.
    private readonly Jid _fullOther = Jid.Parse("JULIET@example.com/balcony");
    private readonly char[] _buffer = new char[64];

    [Benchmark]
    public Jid Parse_bare() => Jid.Parse(BareText);

    [Benchmark(Baseline = true)]
    public Jid Parse_full() => Jid.Parse(FullText);

    [Benchmark]
    public Jid Parse_mixed_case() => Jid.Parse(MixedCaseText);

    [Benchmark]
    public Jid Parse_unicode() => Jid.Parse(UnicodeText);

    [Benchmark]
    public Jid Parse_span() => Jid.Parse(FullText.AsSpan());

    [Benchmark]
    public bool TryParse_invalid() => Jid.TryParse("juliet@exa mple.com/balcony", out _);

    [Benchmark]
    public bool Equals_equal() => _full == _fullOther;

    [Benchmark]
    public int GetHashCode_full() => _full.GetHashCode();

    [Benchmark]
    public string ToString_full() => _full.ToString();

    [Benchmark]
    public bool TryFormat_full() => _full.TryFormat(_buffer, out _, default, null);

    [Benchmark]
    public Jid Bare_of_full() => _full.Bare;

    [Benchmark]
    public Jid New_from_parts() => new("juliet", "example.com", "balcony");
}
