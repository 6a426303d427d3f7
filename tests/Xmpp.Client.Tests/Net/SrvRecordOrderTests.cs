using Xmpp.Client.Net;

namespace Xmpp.Client.Tests.Net;

public class SrvRecordOrderTests
{
    private static SrvRecord Record(ushort priority, ushort weight, string target) => new(priority, weight, 5222, target);

    private static Dictionary<string, double> FirstPickShares(SrvRecord[] records, int runs = 10_000)
    {
        var random = new Random(20240601);
        var firsts = new Dictionary<string, int>();
        for (int i = 0; i < runs; i++)
        {
            string first = SrvRecordOrder.Sort(records, random)[0].Target;
            firsts[first] = firsts.GetValueOrDefault(first) + 1;
        }

        return records.ToDictionary(r => r.Target, r => firsts.GetValueOrDefault(r.Target) / (double)runs);
    }

    [Fact]
    public void Lower_priority_always_comes_before_higher_priority()
    {
        SrvRecord[] records = [Record(20, 100, "c"), Record(10, 1, "a"), Record(30, 0, "d"), Record(10, 50, "b"), Record(20, 0, "e")];
        var random = new Random(7);

        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal([10, 10, 20, 20, 30], SrvRecordOrder.Sort(records, random).Select(r => (int)r.Priority));
        }
    }

    [Fact]
    public void Every_record_appears_exactly_once()
    {
        SrvRecord[] records = [Record(1, 10, "a"), Record(1, 0, "b"), Record(1, 30, "c"), Record(2, 0, "d"), Record(2, 0, "e")];

        List<SrvRecord> sorted = SrvRecordOrder.Sort(records, new Random(3));

        Assert.Equal(records.OrderBy(r => r.Target), sorted.OrderBy(r => r.Target));
    }

    [Fact]
    public void Weights_10_30_60_come_first_in_proportion_to_weight()
    {
        // RFC 2782 draws uniformly from 0..sum inclusive: shares are 11/101, 30/101 and 60/101.
        Dictionary<string, double> shares = FirstPickShares([Record(1, 10, "ten"), Record(1, 30, "thirty"), Record(1, 60, "sixty")]);

        Assert.InRange(shares["ten"], 0.089, 0.129);
        Assert.InRange(shares["thirty"], 0.277, 0.317);
        Assert.InRange(shares["sixty"], 0.574, 0.614);
    }

    [Fact]
    public void Zero_weight_record_comes_first_only_when_the_draw_is_zero()
    {
        Dictionary<string, double> shares = FirstPickShares([Record(1, 0, "zero"), Record(1, 100, "hundred")]);

        Assert.InRange(shares["zero"], 0.004, 0.016); // 1/101
    }

    [Fact]
    public void Records_that_all_weigh_zero_come_first_equally_often()
    {
        Dictionary<string, double> shares = FirstPickShares([Record(1, 0, "a"), Record(1, 0, "b"), Record(1, 0, "c")]);

        Assert.All(shares.Values, share => Assert.InRange(share, 0.31, 0.36));
    }

    [Fact]
    public void Same_seed_gives_the_same_order()
    {
        SrvRecord[] records = [Record(1, 10, "a"), Record(1, 20, "b"), Record(1, 30, "c"), Record(1, 40, "d")];

        Assert.Equal(SrvRecordOrder.Sort(records, new Random(99)), SrvRecordOrder.Sort(records, new Random(99)));
    }
}
