using System.Globalization;
using System.Text;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>Formats both libraries' results as one Markdown table, plus the lines that say what was negotiated.</summary>
internal static class ResultTable
{
    public static string Format(ScenarioSettings settings, LibraryResults ours, LibraryResults theirs, string theirDescription)
    {
        var rows = new List<(string Scenario, string Metric, double Ours, double Theirs, bool HigherIsBetter)>
        {
            ($"Login, SCRAM-SHA-256 ({settings.Logins} after {settings.LoginWarmups} warm-up)", "median ms", ours.Scram.MedianMs, theirs.Scram.MedianMs, false),
            ("", "p90 ms", ours.Scram.P90Ms, theirs.Scram.P90Ms, false),
            ("", "median ms, login + close", ours.Scram.WithCloseMedianMs, theirs.Scram.WithCloseMedianMs, false),
            ("", "client CPU ms per login", ours.Scram.CpuMs, theirs.Scram.CpuMs, false),
            ("", "server CPU ms per login", ours.Scram.ServerCpuMs, theirs.Scram.ServerCpuMs, false),
            ("Login, PLAIN (no key derivation; for comparison)", "median ms", ours.Plain.MedianMs, theirs.Plain.MedianMs, false),
            ("", "p90 ms", ours.Plain.P90Ms, theirs.Plain.P90Ms, false),
            ("", "client CPU ms per login", ours.Plain.CpuMs, theirs.Plain.CpuMs, false),
            ("", "server CPU ms per login", ours.Plain.ServerCpuMs, theirs.Plain.ServerCpuMs, false),
            ($"{settings.Messages:N0} messages A → B (100-byte bodies)", "msgs/s", ours.Messages.PerSecond, theirs.Messages.PerSecond, true),
            ("", "client CPU µs per message (A + B)", ours.Messages.CpuMicroseconds, theirs.Messages.CpuMicroseconds, false),
            ("", "server CPU µs per message", ours.Messages.ServerCpuMicroseconds, theirs.Messages.ServerCpuMicroseconds, false),
            ($"{settings.Pings:N0} sequential pings to the server", "round trips/s", ours.Pings.PerSecond, theirs.Pings.PerSecond, true),
            ("", "median µs", ours.Pings.MedianMicroseconds, theirs.Pings.MedianMicroseconds, false),
            ("", "client CPU µs per round trip", ours.Pings.CpuMicroseconds, theirs.Pings.CpuMicroseconds, false),
            ("", "server CPU µs per round trip", ours.Pings.ServerCpuMicroseconds, theirs.Pings.ServerCpuMicroseconds, false),
        };

        var text = new StringBuilder();
        text.AppendLine("| Scenario | Metric | Xmpp.Client | slixmpp | Xmpp.Client vs slixmpp |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var (scenario, metric, mine, other, higherIsBetter) in rows)
        {
            var factor = higherIsBetter ? mine / other : other / mine;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {scenario} | {metric} | {Number(mine)} | {Number(other)} | {factor:0.0#}× {(factor >= 1 ? "better" : "worse")} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"SASL mechanism used: Xmpp.Client {ours.Scram.Mechanism} / {ours.Plain.Mechanism}; slixmpp {theirs.Scram.Mechanism} / {theirs.Plain.Mechanism}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Nagle: Xmpp.Client {ours.Transport}; slixmpp {theirs.Transport}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"slixmpp side: {theirDescription}.");
        return text.ToString();
    }

    private static string Number(double value) => value switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
