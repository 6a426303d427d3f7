namespace Xmpp.Client.Net;

/// <summary>The connection order of SRV records (RFC 2782, "Usage rules" and the Weight field).</summary>
internal static class SrvRecordOrder
{
    /// <summary>
    /// Orders records by ascending priority; within a priority, repeatedly picks one at random with probability
    /// proportional to its weight. Following RFC 2782, weight-0 records are placed first in each round and picked
    /// when the random number (uniform over 0…sum of weights, inclusive) is 0, so they come first only rarely when
    /// weighted records exist, and in random order when all weights are 0.
    /// </summary>
    /// <param name="records">The records (root-target records already removed).</param>
    /// <param name="random">The source of randomness (not for security: this only spreads load).</param>
    /// <returns>Every record exactly once, in the order to try them.</returns>
    public static List<SrvRecord> Sort(IEnumerable<SrvRecord> records, Random random)
    {
        var ordered = new List<SrvRecord>();
        foreach (IGrouping<ushort, SrvRecord> priority in records.GroupBy(r => r.Priority).OrderBy(g => g.Key))
        {
            SrvRecord[] shuffled = [.. priority];
            random.Shuffle(shuffled);
            var remaining = shuffled.Where(r => r.Weight == 0).Concat(shuffled.Where(r => r.Weight != 0)).ToList();
            while (remaining.Count > 0)
            {
                int total = remaining.Sum(r => r.Weight);
                int pick = random.Next(total + 1);
                int running = 0;
                int index = 0;
                while (true)
                {
                    running += remaining[index].Weight;
                    if (running >= pick)
                    {
                        break;
                    }

                    index++;
                }

                ordered.Add(remaining[index]);
                remaining.RemoveAt(index);
            }
        }

        return ordered;
    }
}
