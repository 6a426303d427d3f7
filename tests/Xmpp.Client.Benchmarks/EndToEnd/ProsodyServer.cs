using System.Security.Cryptography.X509Certificates;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// A throw-away Prosody started by <c>tests/servers/prosody.sh start</c> in a fresh temp dir, stopped by the same
/// script on dispose. The test config has no rate limits (<c>limits</c> is not loaded); on top of it the benchmarks
/// turn Nagle off on the server's sockets and leave out MAM (see <see cref="ExtraConfig"/>).
/// </summary>
internal sealed class ProsodyServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to the global section of the test config (<c>PROSODY_EXTRA_CONFIG</c>). <c>nagle = false</c>: replies
    /// leave at once, as on the clients. MAM is left out because the test config keeps archives in memory, and
    /// Prosody 0.12's memory archive serialises and compiles every stanza to Lua: with it, Prosody needs ~1.75 ms of CPU
    /// per message and caps both libraries at the same ~200 msgs/s, which measures the archive, not the clients.
    /// The other modules (and the s2s ones the test config disables) stay as they are.
    /// </summary>
    public const string ExtraConfig = """
        network_settings = { nagle = false }
        modules_disabled = { "s2s", "s2s_auth_certs", "mam" }
        """;

    private readonly string _script;

    private ProsodyServer(string script, string workDirectory, IReadOnlyDictionary<string, string> env)
    {
        _script = script;
        WorkDirectory = workDirectory;
        Host = env["PROSODY_HOST"];
        Port = int.Parse(env["PROSODY_PORT"], System.Globalization.CultureInfo.InvariantCulture);
        Domain = env["PROSODY_DOMAIN"];
        CaFile = env["PROSODY_CA"];
        Version = ReadVersion(env["PROSODY_LOG"]);
        Pid = int.Parse(env["PROSODY_PID"], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The server process (Prosody is single-threaded: one Lua event loop).</summary>
    public int Pid { get; }

    public string WorkDirectory { get; }

    public string Host { get; }

    public int Port { get; }

    public string Domain { get; }

    /// <summary>The test CA (PEM) that signed the server's certificate.</summary>
    public string CaFile { get; }

    /// <summary>The version the running server logged at start, such as <c>0.12.3</c>.</summary>
    public string Version { get; }

    /// <summary>
    /// For the <c>mam</c> mode: the same without leaving MAM out (the test config's memory archive, no expiry), so the
    /// archive can be read back. Prosody 0.12 keeps at most <c>storage_archive_item_limit</c> (1,000 by default)
    /// messages per archive and then drops the oldest; the benchmark's archive needs more.
    /// </summary>
    public const string ExtraConfigWithMam = """
        network_settings = { nagle = false }
        modules_disabled = { "s2s", "s2s_auth_certs" }
        storage_archive_item_limit = 100000
        """;

    public static Task<ProsodyServer> StartAsync(string repositoryRoot) => StartAsync(repositoryRoot, ExtraConfig);

    public static async Task<ProsodyServer> StartAsync(string repositoryRoot, string extraConfig)
    {
        var script = Path.Combine(repositoryRoot, "tests", "servers", "prosody.sh");
        var workDirectory = Directory.CreateTempSubdirectory("xmpp-e2e-").FullName;
        var start = await ProcessRunner.RunAsync("bash", [script, "start", workDirectory], StartTimeout,
            new Dictionary<string, string> { ["PROSODY_EXTRA_CONFIG"] = extraConfig });
        if (start.ExitCode != 0)
        {
            var stop = await ProcessRunner.RunAsync("bash", [script, "stop", workDirectory], StopTimeout);
            throw new InvalidOperationException(
                $"Prosody did not start (work dir {workDirectory}).\n{start.Describe($"{script} start {workDirectory}")}\n"
                + stop.Describe($"{script} stop {workDirectory}"));
        }

        var env = File.ReadAllLines(Path.Combine(workDirectory, "prosody", "env"))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
        return new ProsodyServer(script, workDirectory, env);
    }

    /// <summary>CPU time the server has used so far (user + system, from /proc; 10 ms resolution).</summary>
    public TimeSpan Cpu() => Stats.CpuOf(Pid);

    public X509Certificate2 LoadCa() => X509CertificateLoader.LoadCertificateFromFile(CaFile);

    public async ValueTask DisposeAsync()
    {
        var stop = await ProcessRunner.RunAsync("bash", [_script, "stop", WorkDirectory], StopTimeout);
        if (stop.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(stop.Describe($"{_script} stop {WorkDirectory}"));
        }
    }

    private static string ReadVersion(string logFile)
    {
        const string Marker = "Prosody version ";
        var line = File.ReadLines(logFile).FirstOrDefault(l => l.Contains(Marker, StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();
    }
}
