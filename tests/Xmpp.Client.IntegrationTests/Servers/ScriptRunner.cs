using System.Diagnostics;

namespace Xmpp.Client.IntegrationTests.Servers;

/// <summary>The outcome of one script run: exit code and everything it printed.</summary>
internal sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe(string command) =>
        $"`{command}` exited with {ExitCode}.\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs the bash scripts under tests/servers.</summary>
internal static class ScriptRunner
{
    /// <summary>
    /// Runs <paramref name="script"/> with bash; on timeout kills its process tree and reports exit code -1. Canceling
    /// <paramref name="cancellationToken"/> kills the process tree too, and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ScriptResult> RunAsync(string script, IReadOnlyList<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start bash for {script}.");
        // The scripts detach the servers from their stdio, so both pipes end when the script exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var exitCode = -1;
        try
        {
            await process.WaitForExitAsync(timer.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var error = await stderr;
        if (exitCode == -1)
        {
            error += $"\n(killed after {timeout.TotalSeconds:0} s)";
        }

        return new ScriptResult(exitCode, await stdout, error);
    }
}
