namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>Login times of one library: connect + STARTTLS + SASL + bind, and the same plus the stream close;
/// the CPU time of the client process (all threads) and of the server per login (mean).</summary>
internal sealed record LoginResult(double MedianMs, double P90Ms, double WithCloseMedianMs, double CpuMs, double ServerCpuMs, string Mechanism);

/// <summary>Message throughput; the CPU time of the client process (sender and receiver together) and of the server per message.</summary>
internal sealed record MessageResult(double PerSecond, double CpuMicroseconds, double ServerCpuMicroseconds);

/// <summary>Sequential IQ round trips (XEP-0199 pings to the server); the CPU time of the client process and of the
/// server per round trip.</summary>
internal sealed record PingResult(double PerSecond, double MedianMicroseconds, double CpuMicroseconds, double ServerCpuMicroseconds);

/// <summary>Everything measured for one library in one run.</summary>
internal sealed record LibraryResults(
    LoginResult Scram,
    LoginResult Plain,
    MessageResult Messages,
    PingResult Pings,
    string Transport);

/// <summary>The statistics both sides report, computed the same way as in slix_bench.py.</summary>
internal static class Stats
{
    /// <summary>CPU time used so far by this process, all threads (user + system), like Python's time.process_time().</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time another process has used so far (user + system, from /proc; 10 ms resolution).</summary>
    public static TimeSpan CpuOf(int pid)
    {
        // /proc/<pid>/stat: the command is in parentheses and may hold spaces; utime and stime are the 12th and 13th
        // fields after it, in clock ticks (USER_HZ, 100 on Linux).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
