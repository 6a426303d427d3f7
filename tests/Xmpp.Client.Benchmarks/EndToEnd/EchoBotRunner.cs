using System.Diagnostics;
using System.Globalization;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// <c>echo [--quick]</c>: the CPU time the EchoBot sample (every built-in extension on) spends per message it echoes.
/// Starts a throw-away Prosody and the sample as its own process (<c>samples/EchoBot</c>, built in Release), sends it
/// chat messages from alice and waits for every echo; the bot's CPU comes from <c>/proc/&lt;pid&gt;/stat</c>, so
/// nothing of the sender or the server is in it. Prints the rounds and their median.
/// </summary>
internal static class EchoBotRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var (warmup, rounds, perRound) = quick ? (1_000, 3, 1_000) : (10_000, 7, 5_000);
        var root = EndToEndRunner.FindRepositoryRoot();
        var bot = Path.Combine(root, "samples", "EchoBot", "bin", "Release", "net10.0", "EchoBot.dll");
        if (!File.Exists(bot))
        {
            await Console.Error.WriteLineAsync($"No {bot}: build the solution in Release first.");
            return 2;
        }

        var load = File.ReadAllText("/proc/loadavg");
        await using var server = await ProsodyServer.StartAsync(root);
        using var echoBot = StartBot(bot, server);
        try
        {
            await WaitForLineAsync(echoBot, "Online as ");
            var results = await MeasureAsync(server, echoBot, warmup, rounds, perRound);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (--quick: not for the README)" : "")}; Prosody {server.Version}; "
                + $"{Environment.ProcessorCount} CPUs; load before {string.Join(' ', load.Split(' ').Take(3))}, after {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}"));
            Console.WriteLine($"{rounds} rounds of {perRound:N0} messages after {warmup:N0}; EchoBot CPU µs per message echoed: "
                + string.Join(", ", results.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {Stats.Median(results):0.0} µs, best {results.Min():0.0} µs"));
            return 0;
        }
        finally
        {
            echoBot.Kill(entireProcessTree: true);
        }
    }

    private static Process StartBot(string dll, ProsodyServer server)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     dll, "--jid", $"bob@{server.Domain}", "--password", "bob-pass", "--host", server.Host,
                     "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--trust-cert", server.CaFile,
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start EchoBot.");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"EchoBot: {e.Data}"); } };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForLineAsync(Process process, string prefix)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                // From here on the bot prints a line per message: keep reading so that its output never blocks it.
                _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
                return;
            }
        }

        throw new InvalidOperationException($"EchoBot ended before printing '{prefix}'.");
    }

    private static async Task<List<double>> MeasureAsync(ProsodyServer server, Process bot, int warmup, int rounds, int perRound)
    {
        await using var alice = new XmppClient(new XmppClientOptions
        {
            Jid = Jid.Parse($"alice@{server.Domain}"),
            Password = "alice-pass",
            Host = server.Host,
            Port = server.Port,
            TrustedCertificates = [server.LoadCa()],
        });
        await alice.ConnectAsync();
        var target = Jid.Parse($"bob@{server.Domain}");
        var echoes = 0;
        var expected = int.MaxValue;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.MessageReceived += message =>
        {
            if (message.From?.Bare == target && Interlocked.Increment(ref echoes) == Volatile.Read(ref expected))
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };

        async Task<TimeSpan> RoundAsync(int count)
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref echoes, 0);
            Volatile.Write(ref expected, count);
            var before = Stats.CpuOf(bot.Id);
            for (var i = 0; i < count; i++)
            {
                await alice.SendAsync(new Message(target, ScenarioSettings.Body(i)) { Type = MessageType.Chat });
            }

            await done.Task.WaitAsync(Timeout);
            return Stats.CpuOf(bot.Id) - before;
        }

        await RoundAsync(warmup);
        var results = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            results.Add((await RoundAsync(perRound)).TotalMicroseconds / perRound);
        }

        return results;
    }
}
