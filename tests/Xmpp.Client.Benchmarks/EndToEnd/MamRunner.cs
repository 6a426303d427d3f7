using System.Diagnostics;
using System.Globalization;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Mam;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// The <c>mam</c> mode: fills bob's archive on a local Prosody (MAM on, memory store) with 10,000 chat messages from
/// alice, then reads them back with <see cref="MamExtension.QueryAsync"/> (pages of the server's maximum) and with
/// slixmpp's xep_0313 <c>iterate()</c>, on the same archive in the same invocation. Reports messages per second, CPU
/// per message (client and server) and, for .NET, bytes allocated per message while only the reader runs.
/// </summary>
internal static class MamRunner
{
    private const int Page = 50;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var count = args.Count > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var rounds = args.Count > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var root = EndToEndRunner.FindRepositoryRoot();
        Console.WriteLine("Starting Prosody with MAM (tests/servers/prosody.sh) ...");
        await using var server = await ProsodyServer.StartAsync(root, ProsodyServer.ExtraConfigWithMam);
        using var ca = server.LoadCa();
        Console.WriteLine($"Prosody {server.Version} on {server.Host}:{server.Port}; load {File.ReadAllText("/proc/loadavg").Trim()}");

        var fill = Stopwatch.StartNew();
        await FillAsync(server, ca, count);
        Console.WriteLine($"Archived {count} messages in {fill.Elapsed.TotalSeconds:0.0} s");

        await using (var probe = await ConnectAsync(server, ca, "bob", "probe", XmppExtensionSet.Empty.Add<MamExtension>()))
        {
            var page = await probe.GetExtension<MamExtension>().QueryPageAsync(new MamQuery(), null, 1000);
            Console.WriteLine($"Asked for a page of 1000, the server returned {page.Messages.Count} (its cap); pages of {Page} below");
        }

        var ours = new List<(double PerSecond, double CpuUs, double ServerUs, double Bytes)>();
        await using (var reader = await ConnectAsync(server, ca, "bob", "reader", XmppExtensionSet.Empty.Add<MamExtension>()))
        {
            var mam = reader.GetExtension<MamExtension>();
            await ReadAsync(mam, Math.Min(count, 2_000)); // warm-up (JIT)
            for (var i = 0; i < rounds; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocated = GC.GetTotalAllocatedBytes(true);
                var cpu = Stats.ProcessCpu();
                var serverCpu = server.Cpu();
                var clock = Stopwatch.StartNew();
                var read = await ReadAsync(mam, count);
                var seconds = clock.Elapsed.TotalSeconds;
                var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
                if (read != count)
                {
                    throw new InvalidOperationException($"Read {read} messages, expected {count}.");
                }

                ours.Add((count / seconds, (Stats.ProcessCpu() - cpu).TotalMicroseconds / count,
                    (server.Cpu() - serverCpu).TotalMicroseconds / count, (double)bytes / count));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Xmpp.Client round {i + 1}: {ours[^1].PerSecond:0} msgs/s, {ours[^1].CpuUs:0} µs CPU/msg, server {ours[^1].ServerUs:0} µs/msg, {ours[^1].Bytes:0} B allocated/msg"));
            }
        }

        var slix = new SlixmppScenarios(server, ScenarioSettings.Quick, Path.Combine(root, "tests", "Xmpp.Client.Benchmarks", "EndToEnd", "slix_bench.py"));
        var theirs = new List<MessageResult>();
        for (var i = 0; i < rounds; i++)
        {
            theirs.Add(await slix.ArchiveAsync(count, Math.Min(count, 2_000), Page, CancellationToken.None));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  slixmpp round {i + 1}: {theirs[^1].PerSecond:0} msgs/s, {theirs[^1].CpuMicroseconds:0} µs CPU/msg, server {theirs[^1].ServerCpuMicroseconds:0} µs/msg"));
        }

        var best = ours.MaxBy(o => o.PerSecond);
        var bestSlix = theirs.MaxBy(t => t.PerSecond)!;
        Console.WriteLine();
        Console.WriteLine($"Reading {count} archived messages, pages of {Page}, best of {rounds}:");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Xmpp.Client MamExtension.QueryAsync | {best.PerSecond:0} msgs/s | {best.CpuUs:0} µs | {best.ServerUs:0} µs | {best.Bytes:0} B |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {slix.Description} xep_0313 iterate() | {bestSlix.PerSecond:0} msgs/s | {bestSlix.CpuMicroseconds:0} µs | {bestSlix.ServerCpuMicroseconds:0} µs | n/a |"));
        return 0;
    }

    private static async Task<int> ReadAsync(MamExtension mam, int count)
    {
        var read = 0;
        long length = 0;
        await foreach (var message in mam.QueryAsync(new MamQuery { PageSize = Page, MaxResults = count }).ConfigureAwait(false))
        {
            length += message.Message.Body?.Length ?? 0;
            read++;
        }

        return length > 0 ? read : 0;
    }

    /// <summary>alice sends <paramref name="count"/> chat messages to bob's full JID (no receipts, so nothing else is archived).</summary>
    private static async Task FillAsync(ProsodyServer server, System.Security.Cryptography.X509Certificates.X509Certificate2 ca, int count)
    {
        await using var alice = await ConnectAsync(server, ca, "alice", "filler", XmppExtensionSet.Empty);
        await using var bob = await ConnectAsync(server, ca, "bob", "sink", XmppExtensionSet.Empty);
        var last = ScenarioSettings.Body(count - 1);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bob.MessageReceived += message =>
        {
            if (message.Body == last)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        for (var i = 0; i < count; i++)
        {
            await alice.SendAsync(new Message(bob.BoundJid!.Value, ScenarioSettings.Body(i)));
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
    }

    private static async Task<XmppClient> ConnectAsync(ProsodyServer server, System.Security.Cryptography.X509Certificates.X509Certificate2 ca,
        string user, string resource, XmppExtensionSet extensions)
    {
        var client = new XmppClient(new XmppClientOptions
        {
            Jid = Jid.Parse($"{user}@{server.Domain}"),
            Password = $"{user}-pass",
            Resource = resource,
            Host = server.Host,
            Port = server.Port,
            TrustedCertificates = [ca],
            SaslMechanisms = ["SCRAM-SHA-256"],
            Extensions = extensions,
            IqTimeout = TimeSpan.FromMinutes(2),
        });
        await client.ConnectAsync();
        return client;
    }
}
