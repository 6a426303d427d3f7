using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>What keeping logged-in connections open costs one process, and the server (see README.md, idle mode).</summary>
/// <param name="Connections">How many were logged in.</param>
/// <param name="LoginAllSeconds">From the first connect to the last session ready.</param>
/// <param name="CpuMsPerLogin">The client process's CPU per login.</param>
/// <param name="ServerCpuMsPerLogin">Prosody's CPU per login.</param>
/// <param name="RssKbPerConnection">Resident memory grown per connection, measured 5 s after the last login.</param>
/// <param name="ManagedKbPerConnection">Managed heap grown per connection (after a full collection); NaN for slixmpp.</param>
/// <param name="LongIdleRssKbPerConnection">Xmpp.Client only (else NaN): resident memory per connection once the
/// connections have been idle long enough for the parsers to give back what they learned (<c>IdleReaders</c>).</param>
/// <param name="LongIdleManagedKbPerConnection">The same for the managed heap.</param>
internal sealed record IdleResult(int Connections, double LoginAllSeconds, double CpuMsPerLogin, double ServerCpuMsPerLogin,
    double RssKbPerConnection, double ManagedKbPerConnection, double LongIdleRssKbPerConnection = double.NaN,
    double LongIdleManagedKbPerConnection = double.NaN);

/// <summary>
/// <c>idle [connections] [concurrency] [--core-only] [--without-slixmpp]</c>: logs in that many connections of one account (each its own resource, no
/// presence sent, every built-in extension on, or none with --core-only) in this process, at most <c>concurrency</c> at a time, waits 5 s and
/// reports memory per connection, the time to log them all in and the CPU per login of the process and of Prosody, then memory again
/// after 45 s of idling (longer than the 30 s after which an idle reader's parser gives back what it learned);
/// then (unless --without-slixmpp: at 10,000 it would need ~12 GB and ten minutes) the same with slixmpp
/// against the same server, and the ratios.
/// </summary>
internal static class IdleRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var coreOnly = args.Contains("--core-only");
        var withSlixmpp = !args.Contains("--without-slixmpp");
        var numbers = args.Where(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var count = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1_000;
        var concurrency = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 16;
        var limit = OpenFileLimit();
        if (limit < count + 200)
        {
            await Console.Error.WriteLineAsync($"The open-file limit is {limit}: {count} connections need about {count + 200} " +
                "(in this process and in Prosody, which inherits it). Raise it first, e.g. `ulimit -n 65536`.");
            return 2;
        }

        var root = EndToEndRunner.FindRepositoryRoot();
        await using var server = await ProsodyServer.StartAsync(root);
        Console.WriteLine($"Prosody {server.Version} on {server.Host}:{server.Port}; {count:N0} connections, {concurrency} logins at a time; " +
                          $"{Environment.ProcessorCount} CPUs; load {File.ReadAllText("/proc/loadavg").Trim()}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ours = await MeasureAsync(server, count, concurrency, coreOnly, cancel.Token);
        Print(coreOnly ? "Xmpp.Client (no extensions)" : "Xmpp.Client", ours);
        if (!withSlixmpp)
        {
            return 0;
        }

        var slix = await new SlixmppScenarios(server, ScenarioSettings.Full, Path.Combine(root, "tests", "Xmpp.Client.Benchmarks", "EndToEnd", "slix_bench.py"))
            .IdleAsync(count, concurrency, cancel.Token);
        Print("slixmpp", slix);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio Xmpp.Client / slixmpp: memory {ours.RssKbPerConnection / slix.RssKbPerConnection:0.00}x, " +
            $"time to log in all {ours.LoginAllSeconds / slix.LoginAllSeconds:0.00}x, CPU per login {ours.CpuMsPerLogin / slix.CpuMsPerLogin:0.00}x, " +
            $"Prosody CPU per login {ours.ServerCpuMsPerLogin / slix.ServerCpuMsPerLogin:0.00}x"));
        return 0;
    }

    private static void Print(string library, IdleResult result) =>
        Console.WriteLine(
            FormattableString.Invariant($"{library,-12} {result.Connections:N0} connections: {result.RssKbPerConnection:0.0} KB RSS each") +
            (double.IsNaN(result.ManagedKbPerConnection) ? "" : FormattableString.Invariant($" ({result.ManagedKbPerConnection:0.0} KB managed)")) +
            (double.IsNaN(result.LongIdleRssKbPerConnection) ? "" : FormattableString.Invariant(
                $" 5 s after login; {result.LongIdleRssKbPerConnection:0.0} KB RSS ({result.LongIdleManagedKbPerConnection:0.0} KB managed) after 45 s idle")) +
            FormattableString.Invariant($", all logged in after {result.LoginAllSeconds:0.0} s, {result.CpuMsPerLogin:0.00} ms CPU per login, Prosody {result.ServerCpuMsPerLogin:0.00} ms per login"));

    private static async Task<IdleResult> MeasureAsync(ProsodyServer server, int count, int concurrency, bool coreOnly, CancellationToken cancellationToken)
    {
        using var ca = X509CertificateLoader.LoadCertificateFromFile(server.CaFile);
        var clients = new XmppClient[count];
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = RssKb();
        var cpuBefore = Stats.ProcessCpu();
        var serverBefore = server.Cpu();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var client = new XmppClient(new XmppClientOptions
                {
                    Jid = Jid.Parse($"alice@{server.Domain}"),
                    Password = "alice-pass",
                    Resource = $"idle{i}",
                    Host = server.Host,
                    Port = server.Port,
                    TrustedCertificates = [ca],
                    SaslMechanisms = ["SCRAM-SHA-256"],
                    Extensions = coreOnly ? Xmpp.Client.Extensions.XmppExtensionSet.Empty : Xmpp.Client.Extensions.XmppExtensionSet.Default,
                });
                clients[i] = client;
                await client.ConnectAsync(cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var elapsed = started.Elapsed.TotalSeconds;
        var cpu = (Stats.ProcessCpu() - cpuBefore).TotalMilliseconds;
        var serverCpu = (server.Cpu() - serverBefore).TotalMilliseconds;
        // IDLE_HOLD_SECONDS holds the connections longer, to look at the process meanwhile (dotnet-gcdump, perf).
        var hold = int.TryParse(Environment.GetEnvironmentVariable("IDLE_HOLD_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        Console.WriteLine($"All logged in; idle for 5 s, then 45 s more{(hold > 0 ? $", then {hold} s" : "")} (process {Environment.ProcessId})");
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var managed = (GC.GetTotalMemory(forceFullCollection: true) - managedBefore) / 1024.0;
        var rss = RssKb() - rssBefore;
        await Task.Delay(TimeSpan.FromSeconds(45), cancellationToken);
        var longIdleManaged = (GC.GetTotalMemory(forceFullCollection: true) - managedBefore) / 1024.0;
        var longIdleRss = RssKb() - rssBefore;
        await Task.Delay(TimeSpan.FromSeconds(hold), cancellationToken);
        GC.KeepAlive(clients);
        await Task.WhenAll(clients.Select(async client => await client.DisposeAsync()));
        return new IdleResult(count, elapsed, cpu / count, serverCpu / count, rss / count, managed / count, longIdleRss / count, longIdleManaged / count);
    }

    private static long RssKb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static long OpenFileLimit()
    {
        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return soft == "unlimited" ? long.MaxValue : long.Parse(soft, CultureInfo.InvariantCulture);
    }
}
