using Microsoft.Extensions.Logging.Abstractions;
using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Tests.Extensions.Disco;

/// <summary>
/// The caps cache holds what others announce and answer, so it is bounded by count and bytes, and fair: a contact that
/// floods it churns its own share, not everybody's.
/// </summary>
public class CapsCacheLimitTests
{
    private const string Node = "urn:node";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly DiscoIdentity Client = new("client", "pc");

    [Fact]
    public async Task A_contact_flooding_verified_capabilities_cannot_evict_other_contacts_entries()
    {
        var answers = new Dictionary<string, DiscoInfo>();
        var cache = new CapsCache((_, node, _) => Task.FromResult(answers[node]), NullLogger.Instance);
        var honest = Enumerable.Range(0, 10).Select(i => Jid.Parse($"friend{i}@example.com/pc")).ToList();
        for (var i = 0; i < honest.Count; i++)
        {
            await VerifyAsync(cache, answers, honest[i], Info($"urn:honest:{i}"));
        }

        var mallory = Jid.Parse("mallory@evil.example/flood");
        for (var i = 0; i < CapsCache.MaxVerified + 100; i++)
        {
            await VerifyAsync(cache, answers, mallory, Info($"urn:flood:{i}"));
        }

        Assert.All(honest, jid => Assert.True(cache.TryGet(jid, out _), $"{jid}'s capabilities were evicted."));
        Assert.True(cache.TryGet(mallory, out _));
    }

    [Fact]
    public async Task The_verified_entries_stay_within_their_count_and_byte_budgets()
    {
        var answers = new Dictionary<string, DiscoInfo>();
        var cache = new CapsCache((_, node, _) => Task.FromResult(answers[node]), NullLogger.Instance);
        var features = Enumerable.Range(0, 100).Select(i => $"urn:xmpp:some-long-feature-namespace:{i}").ToList();
        for (var i = 0; i < 1500; i++)
        {
            await VerifyAsync(cache, answers, Jid.Parse($"user{i}@example.com/r"), new DiscoInfo([Client], [$"urn:own:{i}", .. features]));
        }

        Assert.InRange(cache.VerifiedCount, 1, CapsCache.MaxVerified);
        Assert.InRange(cache.VerifiedBytes, 1, CapsCache.MaxVerifiedBytes);
        Assert.True(cache.TryGet(Jid.Parse("user1499@example.com/r"), out _));
    }

    [Fact]
    public async Task An_answer_larger_than_the_per_entry_limit_is_verified_but_not_cached()
    {
        var huge = Info([.. Enumerable.Range(0, 5000).Select(i => $"urn:xmpp:a-rather-long-feature-namespace:{i:D6}")]);
        var cache = new CapsCache((_, _, _) => Task.FromResult(huge), NullLogger.Instance);
        var jid = Jid.Parse("juliet@example.com/balcony");

        cache.OnAvailable(jid, new EntityCapabilities("sha-1", Node, CapsHash.Compute(huge)));

        Assert.Null(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(Wait));
        Assert.False(cache.TryGet(jid, out _));
    }

    [Fact]
    public async Task One_contact_announcing_from_many_resources_keeps_only_its_most_recent_ones()
    {
        var cache = new CapsCache((_, _, _) => Task.FromResult(CapsExamples.Simple()), NullLogger.Instance);
        var caps = new EntityCapabilities("sha-1", Node, CapsExamples.SimpleVer);
        var juliet = Jid.Parse("juliet@example.com/balcony");
        cache.OnAvailable(juliet, caps);
        Assert.NotNull(await cache.GetAsync(juliet, CancellationToken.None).WaitAsync(Wait));

        for (var i = 0; i < 300; i++)
        {
            cache.OnAvailable(Jid.Parse($"mallory@evil.example/{i}"), caps);
        }

        Assert.False(cache.TryGet(Jid.Parse("mallory@evil.example/0"), out _));
        Assert.True(cache.TryGet(Jid.Parse("mallory@evil.example/299"), out _));
        Assert.True(cache.TryGet(juliet, out _));
    }

    [Theory]
    [InlineData("sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=QgayPKawpkPSDYmwT/WM")]
    [InlineData("sha-256", "QgayPKawpkPSDYmwT/WM94uAlu0=")]
    public async Task An_announcement_whose_ver_cannot_be_a_hash_of_its_function_is_not_queried(string hash, string ver)
    {
        var queries = 0;
        var cache = new CapsCache((_, _, _) =>
        {
            Interlocked.Increment(ref queries);
            return Task.FromResult(CapsExamples.Simple());
        }, NullLogger.Instance);
        var jid = Jid.Parse("juliet@example.com/balcony");

        cache.OnAvailable(jid, new EntityCapabilities(hash, Node, ver));

        Assert.Null(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(Wait));
        Assert.Equal(0, Volatile.Read(ref queries));
    }

    [Fact]
    public async Task An_announcement_with_an_overlong_node_is_not_queried_or_kept()
    {
        var queries = 0;
        var cache = new CapsCache((_, _, _) =>
        {
            Interlocked.Increment(ref queries);
            return Task.FromResult(CapsExamples.Simple());
        }, NullLogger.Instance);
        var jid = Jid.Parse("juliet@example.com/balcony");

        cache.OnAvailable(jid, new EntityCapabilities("sha-1", "urn:" + new string('n', 100_000), CapsExamples.SimpleVer));

        Assert.Null(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(Wait));
        Assert.Equal(0, Volatile.Read(ref queries));
    }

    [Fact]
    public async Task One_contact_cannot_take_every_verification_slot()
    {
        var julietAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<DiscoInfo>();
        var cache = new CapsCache((jid, _, _) =>
        {
            if (jid.Local == "juliet")
            {
                julietAsked.TrySetResult();
                return Task.FromResult(CapsExamples.Simple());
            }

            return never.Task;
        }, NullLogger.Instance);

        for (var i = 0; i < CapsCache.MaxLookups + 8; i++)
        {
            cache.OnAvailable(Jid.Parse($"mallory@evil.example/{i}"), new EntityCapabilities("sha-1", Node, $"flood{i:D22}="));
        }

        cache.OnAvailable(Jid.Parse("juliet@example.com/balcony"), new EntityCapabilities("sha-1", Node, CapsExamples.SimpleVer));

        await julietAsked.Task.WaitAsync(Wait);
        never.SetException(new XmppTimeoutException("test over"));
    }

    private static DiscoInfo Info(params string[] features) => new([Client], features);

    private static async Task VerifyAsync(CapsCache cache, Dictionary<string, DiscoInfo> answers, Jid jid, DiscoInfo info)
    {
        var ver = CapsHash.Compute(info);
        lock (answers)
        {
            answers[$"{Node}#{ver}"] = info;
        }

        cache.OnAvailable(jid, new EntityCapabilities("sha-1", Node, ver));
        Assert.NotNull(await cache.GetAsync(jid, CancellationToken.None).WaitAsync(Wait));
    }
}
