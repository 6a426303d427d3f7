using System.Globalization;
using System.Text.Json;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// The same three scenarios with slixmpp: runs <c>slix_bench.py</c> once per scenario (Debian's python3 with
/// python3-slixmpp; <c>E2E_PYTHON</c> overrides the interpreter) and reads the JSON line it prints.
/// </summary>
internal sealed class SlixmppScenarios(ProsodyServer server, ScenarioSettings settings, string script)
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(10);

    private readonly string _python = Environment.GetEnvironmentVariable("E2E_PYTHON") ?? "/usr/bin/python3";

    /// <summary>"slixmpp 1.8.3 (Python 3.11.2, OpenSSL …)", known after the first scenario.</summary>
    public string Description { get; private set; } = "slixmpp";

    public async Task<LoginResult> LoginAsync(string mechanism, CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("login", settings.Logins, settings.LoginWarmups, ["--mechanism", mechanism], cancellationToken);
        return new LoginResult(
            json.GetProperty("login_median_ms").GetDouble(),
            json.GetProperty("login_p90_ms").GetDouble(),
            json.GetProperty("login_close_median_ms").GetDouble(),
            json.GetProperty("login_cpu_ms").GetDouble(),
            json.GetProperty("login_server_cpu_ms").GetDouble(),
            json.GetProperty("mechanism").GetString() ?? "?");
    }

    public async Task<MessageResult> MessagesAsync(CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("messages", settings.Messages, settings.MessageWarmup, [], cancellationToken);
        return new MessageResult(json.GetProperty("msgs_per_s").GetDouble(), json.GetProperty("cpu_us_per_msg").GetDouble(),
            json.GetProperty("server_cpu_us_per_msg").GetDouble());
    }

    public async Task<(PingResult Result, string Transport)> PingsAsync(CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("iq", settings.Pings, settings.PingWarmup, [], cancellationToken);
        var nodelay = json.GetProperty("nodelay").GetBoolean() ? "TCP_NODELAY on (asyncio default, read back)" : "TCP_NODELAY off";
        var result = new PingResult(json.GetProperty("rtt_per_s").GetDouble(), json.GetProperty("rtt_median_us").GetDouble(),
            json.GetProperty("cpu_us_per_rtt").GetDouble(), json.GetProperty("server_cpu_us_per_rtt").GetDouble());
        return (result, nodelay);
    }

    /// <summary>The <c>mam</c> scenario: bob reads <paramref name="count"/> archived messages with xep_0313 iterate().</summary>
    public async Task<MessageResult> ArchiveAsync(int count, int warmup, int page, CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("mam", count, warmup, ["--page", page.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        return new MessageResult(json.GetProperty("msgs_per_s").GetDouble(), json.GetProperty("cpu_us_per_msg").GetDouble(),
            json.GetProperty("server_cpu_us_per_msg").GetDouble());
    }

    /// <summary>The <c>idle</c> scenario: <paramref name="count"/> logged-in connections in one process.</summary>
    public async Task<IdleResult> IdleAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("idle", count, 0, ["--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        return new IdleResult(json.GetProperty("connections").GetInt32(), json.GetProperty("login_all_s").GetDouble(),
            json.GetProperty("cpu_ms_per_login").GetDouble(), json.GetProperty("server_cpu_ms_per_login").GetDouble(),
            json.GetProperty("rss_kb_per_connection").GetDouble(), double.NaN);
    }

    /// <summary>The <c>echo-flood</c> scenario: alice floods the echo bot (process <paramref name="botPid"/>) and waits for every echo.</summary>
    public async Task<EchoResult> EchoFloodAsync(int botPid, int count, int warmup, CancellationToken cancellationToken)
    {
        var json = await RunScenarioAsync("echo-flood", count, warmup, ["--bot-pid", botPid.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        return new EchoResult(json.GetProperty("bot_cpu_us_per_msg").GetDouble(), json.GetProperty("server_cpu_us_per_msg").GetDouble(),
            json.GetProperty("echoes_per_s").GetDouble());
    }

    /// <summary>The arguments that start <c>slix_bench.py</c> as the slixmpp echo bot (<c>echo-bot</c>).</summary>
    public IReadOnlyList<string> EchoBotArguments() =>
    [
        script, "--host", server.Host, "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--ca", server.CaFile,
        "--domain", server.Domain, "--server-pid", server.Pid.ToString(CultureInfo.InvariantCulture), "--scenario", "echo-bot", "--count", "0",
    ];

    /// <summary>The Python interpreter the scenarios run with.</summary>
    public string Python => _python;

    private async Task<JsonElement> RunScenarioAsync(string scenario, int count, int warmup, IEnumerable<string> extra, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string[] arguments =
        [
            script,
            "--host", server.Host,
            "--port", server.Port.ToString(CultureInfo.InvariantCulture),
            "--ca", server.CaFile,
            "--domain", server.Domain,
            "--server-pid", server.Pid.ToString(CultureInfo.InvariantCulture),
            "--scenario", scenario,
            "--count", count.ToString(CultureInfo.InvariantCulture),
            "--warmup", warmup.ToString(CultureInfo.InvariantCulture),
            .. extra,
        ];
        var result = await ProcessRunner.RunAsync(_python, arguments, ScenarioTimeout);
        var command = $"{_python} {string.Join(' ', arguments)}";
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe(command));
        }

        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"No JSON from slix_bench.py.\n{result.Describe(command)}");
        var json = JsonDocument.Parse(line).RootElement.Clone();
        Description = string.Create(CultureInfo.InvariantCulture,
            $"{json.GetProperty("library").GetString()} (Python {json.GetProperty("python").GetString()}, {json.GetProperty("openssl").GetString()})");
        return json;
    }
}
