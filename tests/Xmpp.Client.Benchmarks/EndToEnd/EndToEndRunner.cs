using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// <c>dotnet run -c Release --project tests/Xmpp.Client.Benchmarks -- e2e [--quick]</c>: starts a throw-away Prosody,
/// runs each scenario with Xmpp.Client and then with slixmpp against it (one library at a time, never both at once),
/// prints a Markdown table, stops Prosody and exits.
/// </summary>
internal static class EndToEndRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var unknown = args.Where(a => a != "--quick").ToArray();
        if (unknown.Length > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown e2e option(s): {string.Join(' ', unknown)}. Usage: e2e [--quick]");
            return 2;
        }

        var settings = args.Contains("--quick") ? ScenarioSettings.Quick : ScenarioSettings.Full;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // let the finally below stop Prosody
            cancel.Cancel();
        };

        var root = FindRepositoryRoot();
        var total = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        Console.WriteLine("Starting Prosody (tests/servers/prosody.sh) ...");
        var server = await ProsodyServer.StartAsync(root);
        try
        {
            Console.WriteLine($"Prosody {server.Version} on {server.Host}:{server.Port}, work dir {server.WorkDirectory}");
            var ours = new XmppClientScenarios(server, settings);
            var theirs = new SlixmppScenarios(server, settings, Path.Combine(root, "tests", "Xmpp.Client.Benchmarks", "EndToEnd", "slix_bench.py"));
            var token = cancel.Token;

            // Scenario by scenario, ours first then theirs, so both meet the server in the same state.
            var scram = await Step("login SCRAM-SHA-256", () => ours.LoginAsync("SCRAM-SHA-256", token), () => theirs.LoginAsync("SCRAM-SHA-256", token));
            var plain = await Step("login PLAIN", () => ours.LoginAsync("PLAIN", token), () => theirs.LoginAsync("PLAIN", token));
            var messages = await Step("messages", () => ours.MessagesAsync(token), () => theirs.MessagesAsync(token));
            var pings = await Step("pings", () => ours.PingsAsync(token), () => theirs.PingsAsync(token));

            var mine = new LibraryResults(scram.Ours, plain.Ours, messages.Ours, pings.Ours, "TCP_NODELAY set by SocketConnector");
            var other = new LibraryResults(scram.Theirs, plain.Theirs, messages.Theirs, pings.Theirs.Result, pings.Theirs.Transport);
            Console.WriteLine();
            Console.WriteLine(Machine(server, settings == ScenarioSettings.Quick, total.Elapsed, loadBefore));
            Console.WriteLine();
            Console.WriteLine(ResultTable.Format(settings, mine, other, theirs.Description));
            return 0;
        }
        finally
        {
            Console.WriteLine("Stopping Prosody ...");
            await server.DisposeAsync();
        }
    }

    private static async Task<(T Ours, TTheirs Theirs)> Step<T, TTheirs>(string name, Func<Task<T>> ours, Func<Task<TTheirs>> theirs)
    {
        var watch = Stopwatch.StartNew();
        var mine = await ours();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} Xmpp.Client done in {watch.Elapsed.TotalSeconds,5:0.0} s"));
        watch.Restart();
        var other = await theirs();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} slixmpp     done in {watch.Elapsed.TotalSeconds,5:0.0} s"));
        return (mine, other);
    }

    private static string Machine(ProsodyServer server, bool quick, TimeSpan elapsed, string loadBefore) => string.Create(CultureInfo.InvariantCulture,
        $"""
        Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; total run {elapsed.TotalSeconds:0} s{(quick ? " (--quick: a tenth of the work, not for the README)" : "")}
        Machine: {CpuModel()}, {Environment.ProcessorCount} CPUs (nproc), {RuntimeInformation.OSDescription}
        Load average (1/5/15 min) before: {loadBefore}; after: {LoadAverage()}
        .NET: {RuntimeInformation.FrameworkDescription}; Prosody {server.Version}
        """);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel()
    {
        const string Key = "model name";
        var line = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal))
            : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Xmpp.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Xmpp.Client.sln above {AppContext.BaseDirectory}.");
    }
}
