namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>
/// Starts Prosody, ejabberd and dnsmasq once for the "servers" collection (<c>tests/servers/all.sh start</c> in a
/// fresh temp dir) and stops them at the end. If they cannot start, initialisation throws with the script's
/// output, so every test of the collection fails with it instead of being skipped.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    // Generous: on a fresh machine the script first installs the server packages.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(2);

    private TestServers? _servers;
    private string? _script;
    private string? _workDirectory;

    /// <summary>The running servers.</summary>
    public TestServers Servers =>
        _servers ?? throw new InvalidOperationException("The test servers are not running (InitializeAsync failed).");

    public async Task InitializeAsync()
    {
        _script = Path.Combine(FindRepositoryRoot(), "tests", "servers", "all.sh");
        _workDirectory = Directory.CreateTempSubdirectory("xmpp-servers-").FullName;
        // Prosody also listens on 127.0.0.1:5222 (when free) for the test of the domain:5222 fallback.
        var start = await ScriptRunner.RunAsync(_script, ["start", _workDirectory], StartTimeout,
            new Dictionary<string, string> { ["PROSODY_LISTEN_5222"] = "1" });
        if (start.ExitCode != 0)
        {
            var stop = await ScriptRunner.RunAsync(_script, ["stop", _workDirectory], StopTimeout);
            throw new InvalidOperationException(
                $"The test servers did not start (work dir {_workDirectory}).\n"
                + start.Describe($"{_script} start {_workDirectory}") + "\n"
                + stop.Describe($"{_script} stop {_workDirectory}"));
        }

        await ReadEnvironmentAsync(_workDirectory, CancellationToken.None);
    }

    /// <summary>
    /// Restarts <paramref name="server"/> ("prosody" or "ejabberd") with <c>all.sh restart</c>: same config, ports,
    /// data and certificates; every session on it ends. Returns once it accepts connections again, with
    /// <see cref="Servers"/> re-read (the server's process id changed). Throws with the script's output if it fails.
    /// </summary>
    public async Task RestartAsync(string server, CancellationToken cancellationToken)
    {
        if (server is not ("prosody" or "ejabberd"))
        {
            throw new ArgumentOutOfRangeException(nameof(server), server, "prosody or ejabberd");
        }

        if (_servers is null || _script is null || _workDirectory is null)
        {
            throw new InvalidOperationException("The test servers are not running (InitializeAsync failed).");
        }

        var restart = await ScriptRunner.RunAsync(_script, ["restart", server, _workDirectory], RestartTimeout,
            cancellationToken: cancellationToken);
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException(restart.Describe($"{_script} restart {server} {_workDirectory}"));
        }

        await ReadEnvironmentAsync(_workDirectory, cancellationToken);
    }

    /// <summary>
    /// Runs one <c>ejabberdctl</c> command against the test node (<c>ejabberd.sh ctl</c>), such as
    /// <c>restart_module ejabberd.test mod_muc</c>; returns its output. Throws with the output if it fails.
    /// </summary>
    public async Task<string> EjabberdCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var script = ServerScript("ejabberd");
        var result = await ScriptRunner.RunAsync(script, ["ctl", _workDirectory!, .. arguments], RestartTimeout,
            cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe($"{script} ctl {_workDirectory} {string.Join(' ', arguments)}"));
        }

        return result.StandardOutput;
    }

    /// <summary>
    /// Feeds <paramref name="lines"/> to Prosody's admin console (<c>prosody.sh shell</c>, <c>prosodyctl shell</c>):
    /// console commands such as <c>module:reload("muc", "conference.prosody.test")</c>, or Lua after a <c>&gt;</c>.
    /// Returns the console's answers (the <c>| </c> lines); throws with the output when a line failed (a <c>! </c> line).
    /// </summary>
    public async Task<IReadOnlyList<string>> ProsodyShellAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var script = ServerScript("prosody");
        var result = await ScriptRunner.RunAsync(script, ["shell", _workDirectory!, .. lines], RestartTimeout,
            cancellationToken: cancellationToken);
        var answers = result.StandardOutput.Split('\n')
            .Select(line => line.StartsWith("prosody> ", StringComparison.Ordinal) ? line["prosody> ".Length..] : line)
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("! ", StringComparison.Ordinal))
            .ToList();
        if (result.ExitCode != 0 || answers.Count == 0 || answers.Any(line => line.StartsWith("! ", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(result.Describe($"{script} shell {_workDirectory} {string.Join(" ; ", lines)}"));
        }

        return answers;
    }

    private string ServerScript(string server)
    {
        if (_servers is null || _script is null || _workDirectory is null)
        {
            throw new InvalidOperationException("The test servers are not running (InitializeAsync failed).");
        }

        return Path.Combine(Path.GetDirectoryName(_script)!, server + ".sh");
    }

    public async Task DisposeAsync()
    {
        if (_script is null || _workDirectory is null)
        {
            return;
        }

        // A server that died during the run fails every later test with "connection refused": say which and why.
        var died = DeadServersReport();
        var stop = await ScriptRunner.RunAsync(_script, ["stop", _workDirectory], StopTimeout);
        if (stop.ExitCode != 0 || died.Length > 0)
        {
            throw new InvalidOperationException(died + stop.Describe($"{_script} stop {_workDirectory}"));
        }
    }

    /// <summary>For each XMPP server whose process is gone before the stop: its name and the end of its logs.</summary>
    private string DeadServersReport()
    {
        var report = new System.Text.StringBuilder();
        foreach (var server in new[] { "prosody", "ejabberd" })
        {
            var pid = _servers?.Named(server).ProcessId ?? 0;
            if (pid <= 0 || IsRunning(pid))
            {
                continue;
            }

            report.AppendLine($"{server} (process {pid}) died during the test run. The end of its logs:");
            foreach (var log in Directory.EnumerateFiles(Path.Combine(_workDirectory!, server), "*.log", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(log);
                report.AppendLine($"--- {log}").AppendJoin('\n', lines.Skip(Math.Max(0, lines.Length - 40))).AppendLine();
            }
        }

        return report.ToString();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task ReadEnvironmentAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var envFile = Path.Combine(workDirectory, "env");
        _servers = TestServers.Parse(EnvReader.ParseLines(await File.ReadAllTextAsync(envFile, cancellationToken)));
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
