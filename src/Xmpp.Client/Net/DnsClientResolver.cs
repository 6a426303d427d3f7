using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace Xmpp.Client.Net;

/// <summary>
/// <see cref="IDnsResolver"/> over DnsClient's <see cref="LookupClient"/>.
/// </summary>
/// <remarks>
/// <para>With custom DNS servers, every query (SRV, A, AAAA) goes to exactly those servers, uncached. Without them,
/// SRV queries go to the system's name servers (cached by DnsClient for the records' TTL) and host addresses come from
/// the operating system's resolver, so <c>/etc/hosts</c> and similar local configuration apply as users expect.</para>
/// <para>Each query waits <see cref="DefaultQueryTimeout"/> (unless told otherwise) and is retried once, so a dead DNS
/// server costs seconds, not minutes.</para>
/// </remarks>
internal sealed class DnsClientResolver : IDnsResolver
{
    /// <summary>How long one DNS query waits for an answer, by default, before it is retried or given up.</summary>
    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(2);

    private readonly IReadOnlyList<IPEndPoint>? _servers;
    private readonly TimeSpan _queryTimeout;
    private readonly bool _customServers;
    private LookupClient? _client;

    /// <summary>Creates the resolver; nothing of DnsClient is made until the first query.</summary>
    /// <param name="servers">The DNS servers to use exclusively, or <see langword="null"/>/empty for the system's.</param>
    /// <param name="queryTimeout">How long one query waits for an answer (it is retried once).</param>
    public DnsClientResolver(IReadOnlyList<IPEndPoint>? servers, TimeSpan queryTimeout)
    {
        _customServers = servers is { Count: > 0 };
        _servers = servers;
        _queryTimeout = queryTimeout;
    }

    /// <summary>
    /// The DnsClient client, made at the first query: a client that connects to a given host never asks DNS for SRV
    /// records, and a <see cref="LookupClient"/> (with its cache) per connection would be memory held for nothing.
    /// </summary>
    private LookupClient Client => LazyInitializer.EnsureInitialized(ref _client, CreateClient);

    private LookupClient CreateClient()
    {
        LookupClientOptions options = _customServers ? new LookupClientOptions([.. _servers!]) { UseCache = false } : new LookupClientOptions();
        options.Timeout = _queryTimeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        options.UseTcpFallback = true;
        return new LookupClient(options);
    }

    /// <inheritdoc />
    public async Task<DnsLookupResult<SrvRecord>> LookupSrvAsync(string name, CancellationToken cancellationToken)
    {
        (IDnsQueryResponse? response, string? error) = await QueryAsync(name, QueryType.SRV, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return DnsLookupResult.Failed<SrvRecord>(error!);
        }

        return Interpret(response, () => response.Answers.SrvRecords()
            .Select(r => new SrvRecord(r.Priority, r.Weight, r.Port, TrimDot(r.Target.Value)))
            .ToList());
    }

    /// <inheritdoc />
    public async Task<DnsLookupResult<IPAddress>> LookupAddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (!_customServers)
        {
            return await LookupWithOperatingSystemAsync(host, cancellationToken).ConfigureAwait(false);
        }

        Task<(IDnsQueryResponse?, string?)> aaaa = QueryAsync(host, QueryType.AAAA, cancellationToken);
        Task<(IDnsQueryResponse?, string?)> a = QueryAsync(host, QueryType.A, cancellationToken);
        await Task.WhenAll(aaaa, a).ConfigureAwait(false);
        (IDnsQueryResponse? v6Response, string? v6Error) = await aaaa.ConfigureAwait(false);
        (IDnsQueryResponse? v4Response, string? v4Error) = await a.ConfigureAwait(false);
        DnsLookupResult<IPAddress> v6 = v6Response is null
            ? DnsLookupResult.Failed<IPAddress>(v6Error!)
            : Interpret(v6Response, () => v6Response.Answers.AaaaRecords().Select(r => r.Address).ToList());
        DnsLookupResult<IPAddress> v4 = v4Response is null
            ? DnsLookupResult.Failed<IPAddress>(v4Error!)
            : Interpret(v4Response, () => v4Response.Answers.ARecords().Select(r => r.Address).ToList());
        return Combine(v6, v4);
    }

    /// <summary>
    /// Merges the AAAA and A answers: addresses interleaved IPv6 first (RFC 8305 §4) when there are any, else "no such
    /// name" when either said so, else the failure, else an empty answer.
    /// </summary>
    internal static DnsLookupResult<IPAddress> Combine(DnsLookupResult<IPAddress> v6, DnsLookupResult<IPAddress> v4)
    {
        if (v6.Records.Count + v4.Records.Count > 0)
        {
            var addresses = new List<IPAddress>(v6.Records.Count + v4.Records.Count);
            for (int i = 0; i < Math.Max(v6.Records.Count, v4.Records.Count); i++)
            {
                if (i < v6.Records.Count)
                {
                    addresses.Add(v6.Records[i]);
                }

                if (i < v4.Records.Count)
                {
                    addresses.Add(v4.Records[i]);
                }
            }

            return DnsLookupResult.Found<IPAddress>(addresses);
        }

        if (v6.Status == DnsLookupStatus.NameNotFound || v4.Status == DnsLookupStatus.NameNotFound)
        {
            return DnsLookupResult.NameNotFound<IPAddress>();
        }

        if (v6.Status == DnsLookupStatus.Failed || v4.Status == DnsLookupStatus.Failed)
        {
            return DnsLookupResult.Failed<IPAddress>(string.Join("; ", new[] { v6.Error, v4.Error }.Where(e => e is not null).Distinct()));
        }

        return DnsLookupResult.Found<IPAddress>([]);
    }

    private static string TrimDot(string name) => name.Length > 1 && name.EndsWith('.') ? name[..^1] : name;

    private static DnsLookupResult<T> Interpret<T>(IDnsQueryResponse response, Func<IReadOnlyList<T>> records)
    {
        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            return DnsLookupResult.NameNotFound<T>();
        }

        return response.HasError
            ? DnsLookupResult.Failed<T>($"{response.ErrorMessage} from {response.NameServer}")
            : DnsLookupResult.Found(records());
    }

    private static async Task<DnsLookupResult<IPAddress>> LookupWithOperatingSystemAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return DnsLookupResult.Found<IPAddress>(await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.HostNotFound)
        {
            return DnsLookupResult.NameNotFound<IPAddress>();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.NoData)
        {
            return DnsLookupResult.Found<IPAddress>([]);
        }
        catch (SocketException e)
        {
            return DnsLookupResult.Failed<IPAddress>(e.Message);
        }
    }

    private async Task<(IDnsQueryResponse? Response, string? Error)> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        LookupClient client;
        try
        {
            client = Client;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or DnsResponseException)
        {
            // No name server could be found in the system's configuration: a failed lookup, like an unreachable one.
            return (null, $"{type} query failed: no usable DNS configuration ({e.Message})");
        }

        try
        {
            return (await client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false), null);
        }
        catch (DnsResponseException e)
        {
            return (null, $"{type} query failed: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{type} query timed out");
        }
        catch (SocketException e)
        {
            return (null, $"{type} query failed: {e.Message}");
        }
    }
}
