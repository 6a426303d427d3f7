using Xmpp.Client.Session;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Tests.Support;

namespace Xmpp.Client.Tests.Resilience;

public class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_first_reconnection_attempt_waits_a_random_part_of_the_minimum_delay()
    {
        var options = TestClients.Options() with { ReconnectMinDelay = Min, ReconnectMaxDelay = TimeSpan.FromSeconds(10) };
        Assert.Equal(Min / 2, ReconnectPolicy.Delay(1, options, new FixedRandom(0.5)));
        var random = new Random(7);
        var delays = Enumerable.Range(0, 200).Select(_ => ReconnectPolicy.Delay(1, options, random)).ToArray();
        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, Min));
        Assert.True(delays.Distinct().Count() > 100, "10,000 clients restarted together must not come back together");
    }

    [Fact]
    public void Backoff_doubles_from_the_minimum_up_to_the_maximum_with_jitter()
    {
        var options = TestClients.Options() with { ReconnectMinDelay = Min, ReconnectMaxDelay = TimeSpan.FromSeconds(10) };
        var random = new Random(42);
        for (var attempt = 2; attempt < 40; attempt++)
        {
            var ceiling = Math.Min(10_000, 1_000 * Math.Pow(2, attempt - 2));
            var delay = ReconnectPolicy.Delay(attempt, options, random).TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public async Task A_session_that_drops_soon_after_login_keeps_its_backoff()
    {
        var clock = new ManualClock();
        var (client, _) = TestClients.Create(DropOnMessageAsync, Options(), clock: clock);
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            var delays = new List<TimeSpan>();
            for (var drop = 1; drop <= 3; drop++)
            {
                await SendTheMessageTheServerDropsOnAsync(client);
                delays.Add(await clock.WaitForTimerAsync());
                clock.Advance(delays[^1]);
                await states.WaitForReconnectionAsync(drop);
            }

            Assert.InRange(delays[0], TimeSpan.Zero, Min);
            Assert.InRange(delays[1], Min / 2, Min);
            Assert.InRange(delays[2], Min, 2 * Min);
        }
    }

    [Fact]
    public async Task A_session_that_lived_longer_than_the_stable_period_starts_the_backoff_again()
    {
        var clock = new ManualClock();
        var (client, _) = TestClients.Create(DropOnMessageAsync, Options(), clock: clock);
        await using (client)
        {
            var states = new StateRecorder(client);
            await client.ConnectAsync();
            for (var drop = 1; drop <= 2; drop++)
            {
                await SendTheMessageTheServerDropsOnAsync(client);
                clock.Advance(await clock.WaitForTimerAsync());
                await states.WaitForReconnectionAsync(drop);
            }

            clock.Advance(ReconnectPolicy.StablePeriod(Options()));
            await SendTheMessageTheServerDropsOnAsync(client);
            Assert.InRange(await clock.WaitForTimerAsync(), TimeSpan.Zero, Min);
        }
    }

    private static XmppClientOptions Options() => TestClients.Resilient() with
    {
        ReconnectMinDelay = Min,
        ReconnectMaxDelay = TimeSpan.FromMinutes(1),
    };

    /// <summary>Every connection logs in and drops when the client sends a message.</summary>
    private static async Task DropOnMessageAsync(FakeServer server)
    {
        await server.LoginAsync();
        await server.ExpectAsync("message");
    }

    private static async Task SendTheMessageTheServerDropsOnAsync(XmppClient client)
    {
        try
        {
            await client.SendAsync(new Message(Jid.Parse("juliet@example.com"), "drop"));
        }
        catch (XmppConnectionLostException)
        {
            // The drop can overtake the completion of the send that caused it.
        }
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;

        protected override double Sample() => value;
    }
}
