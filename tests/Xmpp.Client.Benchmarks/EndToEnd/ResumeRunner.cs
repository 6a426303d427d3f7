using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Xmpp.Client.IntegrationTests.Faults;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>
/// Measures how long the client takes from a cut connection to a working session again, against a local Prosody
/// through the fault proxy: with stream management (a resumption) and without (a new session). The clock starts when
/// the proxy has reset both sides and stops when <see cref="XmppClient.StateChanged"/> reports Connected.
/// </summary>
internal static class ResumeRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rounds = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        Console.WriteLine("Starting Prosody (tests/servers/prosody.sh) ...");
        await using var server = await ProsodyServer.StartAsync(EndToEndRunner.FindRepositoryRoot());
        Console.WriteLine($"Prosody {server.Version} on {server.Host}:{server.Port}; {rounds} cuts per mode; load {File.ReadAllText("/proc/loadavg").Trim()}");
        using var ca = X509CertificateLoader.LoadCertificateFromFile(server.CaFile);
        foreach (var streamManagement in new[] { true, false })
        {
            var times = await MeasureAsync(server, ca, streamManagement, rounds);
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(streamManagement ? "resumed (XEP-0198)" : "new session (no SM)"),-22} median {Median(times):0.0} ms, " +
                $"p90 {times[(int)(times.Count * 0.9)]:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms"));
        }

        return 0;
    }

    private static async Task<List<double>> MeasureAsync(ProsodyServer server, X509Certificate2 ca, bool streamManagement, int rounds)
    {
        await using var proxy = FaultProxy.Start(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(server.Host), server.Port));
        var options = new XmppClientOptions
        {
            Jid = Jid.Parse($"alice@{server.Domain}"),
            Password = "alice-pass",
            Resource = "resume-bench",
            Host = proxy.EndPoint.Address.ToString(),
            Port = proxy.EndPoint.Port,
            TrustedCertificates = [ca],
            SaslMechanisms = ["SCRAM-SHA-256"],
            StreamManagement = streamManagement,
        };
        await using var client = new XmppClient(options);
        await client.ConnectAsync();
        await client.SendAsync(new Stanzas.Presence());
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var back = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task OnState(XmppClientStateChangedEventArgs change)
            {
                // Only the Connected that ends this cut's reconnection (not a late event of the previous round).
                if (change is { State: XmppClientState.Connected, PreviousState: XmppClientState.Reconnecting })
                {
                    back.TrySetResult(change.Resumed);
                }

                return Task.CompletedTask;
            }

            while (client.State != XmppClientState.Connected)
            {
                await Task.Delay(5);
            }

            await Task.Delay(100); // Let the previous round's events drain.
            client.StateChanged += OnState;
            var clock = Stopwatch.StartNew();
            await proxy.CutAllAsync();
            var resumed = await back.Task.WaitAsync(TimeSpan.FromSeconds(30));
            times.Add(clock.Elapsed.TotalMilliseconds);
            client.StateChanged -= OnState;
            if (resumed != streamManagement)
            {
                throw new InvalidOperationException($"Round {i}: expected resumed={streamManagement}, got {resumed}.");
            }

            await Task.Delay(50); // Let the server settle the old session.
        }

        return times;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
