using System.Diagnostics;
using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Benchmarks.EndToEnd;

/// <summary>The three scenarios with <see cref="XmppClient"/>, written the way an application would use its public API.</summary>
internal sealed class XmppClientScenarios(ProsodyServer server, ScenarioSettings settings)
{
    private static readonly XName PingName = XName.Get("ping", "urn:xmpp:ping");
    private static readonly TimeSpan BurstTimeout = TimeSpan.FromMinutes(3);

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ca = server.LoadCa();

    /// <summary>Connect + STARTTLS + SASL + bind (ConnectAsync), then DisconnectAsync; a new client each time.</summary>
    public async Task<LoginResult> LoginAsync(string mechanism, CancellationToken cancellationToken)
    {
        var options = Options("alice", mechanism);
        var login = new List<double>();
        var withClose = new List<double>();
        var cpu = TimeSpan.Zero;
        var serverCpu = TimeSpan.Zero;
        var used = "";
        for (var i = 0; i < settings.LoginWarmups + settings.Logins; i++)
        {
            await using var client = new XmppClient(options);
            var (cpuBefore, serverBefore) = (Stats.ProcessCpu(), server.Cpu());
            var begin = Stopwatch.GetTimestamp();
            await client.ConnectAsync(cancellationToken);
            var bound = Stopwatch.GetTimestamp();
            var (cpuUsed, serverUsed) = (Stats.ProcessCpu() - cpuBefore, server.Cpu() - serverBefore);
            used = client.Negotiated?.SaslMechanism ?? "?";
            await client.DisconnectAsync(cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (i >= settings.LoginWarmups)
            {
                login.Add(Stopwatch.GetElapsedTime(begin, bound).TotalMilliseconds);
                withClose.Add(Stopwatch.GetElapsedTime(begin, end).TotalMilliseconds);
                cpu += cpuUsed;
                serverCpu += serverUsed;
            }
        }

        return new LoginResult(Stats.Median(login), Stats.Percentile(login, 0.9), Stats.Median(withClose),
            cpu.TotalMilliseconds / settings.Logins, serverCpu.TotalMilliseconds / settings.Logins, used);
    }

    /// <summary>alice sends chat messages to bob's full JID; the time from the first send to bob's last receipt.</summary>
    public async Task<MessageResult> MessagesAsync(CancellationToken cancellationToken)
    {
        await using var sender = await ConnectedAsync("alice", cancellationToken);
        await using var receiver = await ConnectedAsync("bob", cancellationToken);
        await receiver.SendAsync(new Presence(), cancellationToken);
        var target = receiver.BoundJid ?? throw new InvalidOperationException("bob is not bound.");
        var senderBare = (sender.BoundJid ?? throw new InvalidOperationException("alice is not bound.")).Bare;
        var bodies = Enumerable.Range(0, Math.Max(settings.Messages, settings.MessageWarmup)).Select(ScenarioSettings.Body).ToArray();
        var counter = new ArrivalCounter();
        receiver.MessageReceived += message =>
        {
            if (message.From is { } from && from.Bare == senderBare && message.Body is not null)
            {
                counter.Arrived();
            }

            return Task.CompletedTask;
        };

        async Task<(TimeSpan Elapsed, TimeSpan Cpu, TimeSpan ServerCpu)> BurstAsync(int count)
        {
            var done = counter.Expect(count);
            var (cpu, serverCpu) = (Stats.ProcessCpu(), server.Cpu());
            var begin = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                await sender.SendAsync(new Message(target, bodies[i]), cancellationToken);
            }

            var end = await done.WaitAsync(BurstTimeout, cancellationToken);
            return (Stopwatch.GetElapsedTime(begin, end), Stats.ProcessCpu() - cpu, server.Cpu() - serverCpu);
        }

        await BurstAsync(settings.MessageWarmup);
        var (elapsed, cpu, serverCpu) = await BurstAsync(settings.Messages);
        return new MessageResult(settings.Messages / elapsed.TotalSeconds, cpu.TotalMicroseconds / settings.Messages,
            serverCpu.TotalMicroseconds / settings.Messages);
    }

    /// <summary>XEP-0199 pings to the server, each awaited before the next.</summary>
    public async Task<PingResult> PingsAsync(CancellationToken cancellationToken)
    {
        await using var client = await ConnectedAsync("alice", cancellationToken);
        var domain = Jid.Parse(server.Domain);
        Iq Ping() => new(IqType.Get, new XElement(PingName)) { To = domain };
        for (var i = 0; i < settings.PingWarmup; i++)
        {
            await client.SendIqAsync(Ping(), cancellationToken);
        }

        var rtts = new List<double>(settings.Pings);
        var (cpu, serverCpu) = (Stats.ProcessCpu(), server.Cpu());
        var begin = Stopwatch.GetTimestamp();
        for (var i = 0; i < settings.Pings; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.SendIqAsync(Ping(), cancellationToken);
            rtts.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var elapsed = Stopwatch.GetElapsedTime(begin);
        (cpu, serverCpu) = (Stats.ProcessCpu() - cpu, server.Cpu() - serverCpu);
        return new PingResult(settings.Pings / elapsed.TotalSeconds, Stats.Median(rtts), cpu.TotalMicroseconds / settings.Pings,
            serverCpu.TotalMicroseconds / settings.Pings);
    }

    private XmppClientOptions Options(string user, string mechanism = "SCRAM-SHA-256") => new()
    {
        Jid = Jid.Parse($"{user}@{server.Domain}"),
        Password = $"{user}-pass",
        Host = server.Host,
        Port = server.Port,
        TrustedCertificates = [_ca],
        SaslMechanisms = [mechanism],
    };

    private async Task<XmppClient> ConnectedAsync(string user, CancellationToken cancellationToken)
    {
        var client = new XmppClient(Options(user));
        try
        {
            await client.ConnectAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Counts arrivals on the client's event task and completes when the expected number has arrived.</summary>
    private sealed class ArrivalCounter
    {
        private int _seen;
        private int _expected = int.MaxValue;
        private TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Expect(int count)
        {
            _done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _seen, 0);
            Volatile.Write(ref _expected, count);
            return _done.Task;
        }

        public void Arrived()
        {
            if (Interlocked.Increment(ref _seen) == Volatile.Read(ref _expected))
            {
                _done.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }
}
