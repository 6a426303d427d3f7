namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>
/// The helpers the server scripts share (tests/servers/lib.sh): what they record must name the server's real process
/// group, or a restart reports a running server as dead and leaves it behind.
/// </summary>
public sealed class ServerScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("set +m")]
    [InlineData("set -m")] // job control: the background child leads its own group, so setsid forks
    public async Task StartGroupRecordsTheGroupTheCommandRunsIn(string jobControl)
    {
        var directory = Directory.CreateTempSubdirectory("xmpp-lib-");
        try
        {
            var lib = Path.Combine(ServersFixture.FindRepositoryRoot(), "tests", "servers", "lib.sh");
            var pidfile = Path.Combine(directory.FullName, "group.pid");
            var script = Path.Combine(directory.FullName, "probe.sh");
            await File.WriteAllTextAsync(script, $$"""
                {{jobControl}}
                source '{{lib}}'
                start_group '{{pidfile}}' /dev/null sleep 30
                if group_alive "$(cat '{{pidfile}}')"; then echo alive; else echo missing; fi
                stop_group '{{pidfile}}' 5
                if [ -e '{{pidfile}}' ]; then echo kept; else echo stopped; fi
                """);

            var result = await ScriptRunner.RunAsync(script, [], Timeout);

            Assert.True(result.ExitCode == 0, result.Describe("probe.sh"));
            Assert.Equal(["alive", "stopped"], result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
