namespace Xmpp.Client.Extensions;

/// <summary>
/// The size of the concurrent maps an extension keeps per client (rooms joined, chat partners, transfers): most stay
/// empty or hold a few entries, and a client is one connection, so one lock and a small table are enough and every
/// idle client does not pay for a default-sized table and a lock per processor.
/// </summary>
internal static class SmallMaps
{
    /// <summary>One lock for the map's writers.</summary>
    public const int ConcurrencyLevel = 1;

    /// <summary>The initial number of buckets; the map grows as entries come.</summary>
    public const int Capacity = 3;
}
