namespace Xmpp.Client.Net;

/// <summary>How a DNS lookup ended.</summary>
internal enum DnsLookupStatus
{
    /// <summary>The server answered (NOERROR); the record list may be empty (no data of that type).</summary>
    Found,

    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NameNotFound,

    /// <summary>No usable answer: timeout, SERVFAIL, refused, network error.</summary>
    Failed,
}

/// <summary>The outcome of one DNS lookup: never an exception for DNS trouble, so callers can fall through.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Status">How the lookup ended.</param>
/// <param name="Records">The records found (empty unless <see cref="DnsLookupStatus.Found"/>).</param>
/// <param name="Error">What went wrong, for <see cref="DnsLookupStatus.Failed"/>.</param>
internal sealed record DnsLookupResult<T>(DnsLookupStatus Status, IReadOnlyList<T> Records, string? Error);

/// <summary>Creates <see cref="DnsLookupResult{T}"/> values.</summary>
internal static class DnsLookupResult
{
    /// <summary>A NOERROR answer with these records (possibly none).</summary>
    public static DnsLookupResult<T> Found<T>(IReadOnlyList<T> records) => new(DnsLookupStatus.Found, records, null);

    /// <summary>An NXDOMAIN answer.</summary>
    public static DnsLookupResult<T> NameNotFound<T>() => new(DnsLookupStatus.NameNotFound, [], null);

    /// <summary>No usable answer, and why.</summary>
    public static DnsLookupResult<T> Failed<T>(string error) => new(DnsLookupStatus.Failed, [], error);
}
