using System.Diagnostics;
using System.Globalization;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>What one echo bot cost while a flood of messages was echoed.</summary>
/// <param name="BotCpuMicrosecondsPerMessage">The bot process's CPU per message echoed.</param>
/// <param name="ServerCpuMicrosecondsPerMessage">Prosody's CPU per message (the flood in, the echo out, for both sides).</param>
/// <param name="EchoesPerSecond">Echoes the sender received per second.</param>
internal sealed record EchoResult(double BotCpuMicrosecondsPerMessage, double ServerCpuMicrosecondsPerMessage, double EchoesPerSecond);

/// <summary>
/// <c>bot [messages] [warmup] [rounds]</c>: the EchoBot sample (every built-in extension on) beside the same bot
/// written with slixmpp (<c>slix_bench.py --scenario echo-bot</c>), bare and with slixmpp's plugins for what EchoBot
/// does on every message by default (<c>--features</c>: stream management, receipts, chat states, origin-ids, disco and
/// caps), each its own process on the same Prosody, in turn.
/// A slixmpp client sends each bot <c>warmup</c> and then <c>messages</c> pipelined chat messages and waits for every
/// echo; the bot's CPU and Prosody's are read from /proc around the measured burst. Prints each round and the medians
/// as ratios to slixmpp.
/// </summary>
internal static class BotComparisonRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var messages = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6_000;
        var warmup = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var rounds = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var root = EndToEndRunner.FindRepositoryRoot();
        var echoBot = Path.Combine(root, "samples", "EchoBot", "bin", "Release", "net10.0", "EchoBot.dll");
        if (!File.Exists(echoBot))
        {
            await Console.Error.WriteLineAsync($"No {echoBot}: build the solution in Release first.");
            return 2;
        }

        await using var server = await ProsodyServer.StartAsync(root);
        var slix = new SlixmppScenarios(server, ScenarioSettings.Full, Path.Combine(root, "tests", "Xmpp.Client.Benchmarks", "EndToEnd", "slix_bench.py"));
        Console.WriteLine($"Prosody {server.Version}; {messages:N0} messages after {warmup:N0} of warm-up, {rounds} rounds each; " +
                          $"{Environment.ProcessorCount} CPUs; load {File.ReadAllText("/proc/loadavg").Trim()}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ours = new List<EchoResult>();
        var theirs = new List<EchoResult>();
        var theirsWithFeatures = new List<EchoResult>();
        for (var round = 0; round < rounds; round++)
        {
            theirs.Add(await MeasureAsync("slixmpp bot", slix.Python, slix.EchoBotArguments(), slix, messages, warmup, cancel.Token));
            theirsWithFeatures.Add(await MeasureAsync("slixmpp bot+", slix.Python, [.. slix.EchoBotArguments(), "--features"], slix, messages, warmup, cancel.Token));
            ours.Add(await MeasureAsync("EchoBot", "dotnet",
                [echoBot, "--jid", $"bob@{server.Domain}", "--password", "bob-pass", "--host", server.Host,
                 "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--trust-cert", server.CaFile],
                slix, messages, warmup, cancel.Token));
        }

        Compare("bare slixmpp bot", Median(ours), Median(theirs));
        Compare("slixmpp bot+ (the same features)", Median(ours), Median(theirsWithFeatures));
        return 0;
    }

    private static void Compare(string name, EchoResult o, EchoResult t) => Console.WriteLine(string.Join("; ",
        FormattableString.Invariant($"median EchoBot / {name}: bot CPU per message {o.BotCpuMicrosecondsPerMessage:0} / {t.BotCpuMicrosecondsPerMessage:0} µs = {o.BotCpuMicrosecondsPerMessage / t.BotCpuMicrosecondsPerMessage:0.00}x"),
        FormattableString.Invariant($"Prosody CPU per message {o.ServerCpuMicrosecondsPerMessage:0} / {t.ServerCpuMicrosecondsPerMessage:0} µs = {o.ServerCpuMicrosecondsPerMessage / t.ServerCpuMicrosecondsPerMessage:0.00}x"),
        FormattableString.Invariant($"echoes per second {o.EchoesPerSecond:0} / {t.EchoesPerSecond:0} = {o.EchoesPerSecond / t.EchoesPerSecond:0.00}x")));

    private static async Task<EchoResult> MeasureAsync(string name, string file, IReadOnlyList<string> arguments, SlixmppScenarios slix,
        int messages, int warmup, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var bot = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        bot.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"{name}: {e.Data}"); } };
        bot.BeginErrorReadLine();
        try
        {
            using var online = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            online.CancelAfter(TimeSpan.FromSeconds(60));
            while (await bot.StandardOutput.ReadLineAsync(online.Token) is { } line && !line.StartsWith("Online as ", StringComparison.Ordinal))
            {
            }

            // The bot prints a line per message: keep reading so that its output never blocks it.
            _ = Task.Run(async () => { while (await bot.StandardOutput.ReadLineAsync(CancellationToken.None) is not null) { } }, CancellationToken.None);
            var result = await slix.EchoFloodAsync(bot.Id, messages, warmup, cancellationToken);
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-12} bot CPU {result.BotCpuMicrosecondsPerMessage,6:0} µs/message, Prosody {result.ServerCpuMicrosecondsPerMessage,6:0} µs/message, {result.EchoesPerSecond,5:0} echoes/s"));
            return result;
        }
        finally
        {
            await StopAsync(bot);
        }
    }

    /// <summary>
    /// Stops a bot with SIGTERM so that it closes its stream: killed, EchoBot's stream-management session would
    /// hibernate on Prosody and, as a second resource of bob, queue every message of the next rounds (Prosody's CPU per
    /// message went from ~0.2 ms to ~9 ms in the rounds after the first one).
    /// </summary>
    private static async Task StopAsync(Process bot)
    {
        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(CancellationToken.None);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await bot.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static EchoResult Median(List<EchoResult> results) => new(
        Stats.Median(results.Select(r => r.BotCpuMicrosecondsPerMessage).ToList()),
        Stats.Median(results.Select(r => r.ServerCpuMicrosecondsPerMessage).ToList()),
        Stats.Median(results.Select(r => r.EchoesPerSecond).ToList()));
}
