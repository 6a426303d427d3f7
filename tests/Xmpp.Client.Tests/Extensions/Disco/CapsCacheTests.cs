using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>The background verification's limits: one query per verification string, a few at once, a bounded backlog.</summary>
public class CapsCacheTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Entities_announcing_the_same_unknown_ver_cause_one_query()
    {
        var calls = 0;
        var answer = new TaskCompletionSource<DiscoInfo>();
        var cache = new CapsCache((_, _, _) =>
        {
            Interlocked.Increment(ref calls);
            return answer.Task;
        }, NullLogger.Instance);
        var caps = new EntityCapabilities("sha-1", "urn:node", CapsExamples.SimpleVer);

        cache.OnAvailable(Jid.Parse("a@example.com/1"), caps);
        cache.OnAvailable(Jid.Parse("b@example.com/2"), caps);
        var pending = cache.GetAsync(Jid.Parse("b@example.com/2"), CancellationToken.None);
        answer.SetResult(CapsExamples.Simple());

        Assert.NotNull(await pending.WaitAsync(Wait));
        Assert.True(cache.TryGet(Jid.Parse("a@example.com/1"), out _));
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Queries_run_a_few_at_a_time_and_the_backlog_is_bounded()
    {
        var running = 0;
        var most = 0;
        var calls = 0;
        var enoughStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var cache = new CapsCache(async (_, _, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            if (Interlocked.Increment(ref calls) == CapsCache.MaxConcurrentQueries)
            {
                enoughStarted.SetResult();
            }

            await release.Task;
            Interlocked.Decrement(ref running);
            return CapsExamples.Simple();
        }, NullLogger.Instance);

        var jids = Enumerable.Range(0, CapsCache.MaxLookups + 8).Select(i => Jid.Parse($"user{i}@example.com/r")).ToList();
        for (var i = 0; i < jids.Count; i++)
        {
            cache.OnAvailable(jids[i], new EntityCapabilities("sha-1", "urn:node", $"ver{i:D24}="));
        }

        var beyond = cache.GetAsync(jids[^1], CancellationToken.None);
        Assert.True(beyond.IsCompletedSuccessfully, "A lookup beyond the backlog limit was started.");
        Assert.Null(await beyond);

        await enoughStarted.Task.WaitAsync(Wait);
        release.SetResult();
        foreach (var jid in jids.Take(CapsCache.MaxLookups))
        {
            // Each answer is the simple example, which does not hash to "ver000…N=": not cached.
            Assert.Null(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(Wait));
        }

        Assert.Equal(CapsCache.MaxLookups, Volatile.Read(ref calls));
        Assert.Equal(CapsCache.MaxConcurrentQueries, Volatile.Read(ref most));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
