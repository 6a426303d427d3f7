using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Xmpp.Client.IntegrationTests.Samples;

/// <summary>
/// A process a test starts (a sample, the slixmpp peer): its stdout lines and stderr are collected as they come,
/// every wait is bounded and, on timeout, fails with what the process printed so far. Disposing kills the process
/// tree if it is still running, so a failed test leaves nothing behind.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _command;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _stdoutEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string command)
    {
        _process = process;
        _command = command;
    }

    /// <summary>The lines printed on stdout so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Everything printed on stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with its stdio redirected; the environment adds to (or, with a null value, removes from) ours.
    /// Its stdin is closed at once unless <paramref name="keepStandardInput"/>: then <see cref="WriteLineAsync"/> writes to it.</summary>
    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, bool keepStandardInput = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var command = $"{fileName} {string.Join(' ', info.ArgumentList)}";
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, command);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnError(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start `{command}`.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (keepStandardInput)
        {
            process.StandardInput.AutoFlush = true;
        }
        else
        {
            process.StandardInput.Close();
        }

        return child;
    }

    /// <summary>Waits for a stdout line that <paramref name="match"/> accepts (also one printed already) and returns it.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>, or the process ended without one.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, found));
        }

        string why;
        try
        {
            if (await Task.WhenAny(found.Task, _stdoutEnded.Task).WaitAsync(timeout) == found.Task)
            {
                return await found.Task;
            }

            why = "its output ended";
        }
        catch (TimeoutException)
        {
            why = $"{timeout.TotalSeconds:0} s passed";
        }

        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        throw new TimeoutException($"Expected {what}, but {why}.\n{Describe()}");
    }

    /// <summary>Writes one line to the process's stdin (started with <c>keepStandardInput</c>).</summary>
    /// <exception cref="IOException">The process has ended (its stdin is closed).</exception>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes the process's stdin: it reads the end of its input.</summary>
    public void CloseStandardInput() => _process.StandardInput.Close();

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="timeout"/> (then it is killed).</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the end of both redirected streams, so Lines and StandardError are complete.
            await _process.WaitForExitAsync(timer.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            await KillAsync();
            throw new TimeoutException($"Still running after {timeout.TotalSeconds:0} s (killed).\n{Describe()}");
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> does.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The command, its state and everything it printed: for assertion messages.</summary>
    public string Describe()
    {
        var state = _process.HasExited ? $"exited with {_process.ExitCode}" : "still running";
        return $"`{_command}` {state}.\n--- stdout\n{string.Join('\n', Lines)}\n--- stderr\n{StandardError}";
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        using var timer = new CancellationTokenSource(KillWait);
        await _process.WaitForExitAsync(timer.Token);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _stdoutEnded.TrySetResult();
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Found);
            }
        }

        foreach (var found in matched)
        {
            found.TrySetResult(line);
        }
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _stderr.AppendLine(line);
            }
        }
    }

    // DllImport, not LibraryImport: an int-only signature needs no marshalling, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
