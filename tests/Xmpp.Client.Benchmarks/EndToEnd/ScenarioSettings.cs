namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>How much each scenario does; the same numbers go to both libraries.</summary>
internal sealed record ScenarioSettings(
    int LoginWarmups,
    int Logins,
    int MessageWarmup,
    int Messages,
    int PingWarmup,
    int Pings)
{
    /// <summary>
    /// The figures in the README: 50 logins after 3 warm-ups, 20,000 messages after 10,000, 2,000 pings after 1,000.
    /// The message and ping warm-ups are long because .NET's tiered JIT needs a few seconds of traffic to reach its
    /// final code (the first ~20,000 messages cost the client 2–3× the CPU of later ones); slixmpp gets the same.
    /// </summary>
    public static ScenarioSettings Full { get; } = new(LoginWarmups: 3, Logins: 50, MessageWarmup: 10_000, Messages: 20_000, PingWarmup: 1_000, Pings: 2_000);

    /// <summary>A smoke run (<c>--quick</c>): a tenth of everything, for checking the harness (cold JIT; not for the README).</summary>
    public static ScenarioSettings Quick { get; } = new(LoginWarmups: 1, Logins: 5, MessageWarmup: 1_000, Messages: 2_000, PingWarmup: 100, Pings: 200);

    /// <summary>The body length of each message, in bytes (ASCII).</summary>
    public const int BodyLength = 100;

    /// <summary>The body of message <paramref name="index"/>: an 8-digit sequence number and padding, like slix_bench.py's.</summary>
    public static string Body(int index) =>
        index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + new string('x', BodyLength - 8);
}
