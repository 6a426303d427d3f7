using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// Others' entity capabilities (XEP-0115 §5.4, §6.2): which full JID announced which verification string, and the
/// disco#info behind each verification string once its hash has been checked. Unknown strings are queried in the
/// background, once each at a time, a few queries at once; an answer that is ill-formed or does not hash to its
/// string is never cached, and the same JID is not asked again for the same string.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so it holds nothing to release.")]
internal sealed class CapsCache
{
    /// <summary>Distinct verification strings being verified at once (running or waiting for a query slot).</summary>
    internal const int MaxLookups = 32;

    /// <summary>disco#info queries running at once.</summary>
    internal const int MaxConcurrentQueries = 4;

    /// <summary>Verified strings kept; beyond this an arbitrary one is dropped.</summary>
    internal const int MaxVerified = 1024;

    private readonly Func<Jid, string, CancellationToken, Task<DiscoInfo>> _query;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<Jid, Announcement> _announced = [];
    private readonly Dictionary<(string Hash, string Ver), DiscoInfo> _verified = [];
    private readonly Dictionary<(string Hash, string Ver), Task<DiscoInfo?>> _lookups = [];
    private readonly SemaphoreSlim _queries = new(MaxConcurrentQueries, MaxConcurrentQueries);

    /// <param name="query">Sends disco#info to a JID about a node.</param>
    /// <param name="logger">Where verification failures are logged.</param>
    public CapsCache(Func<Jid, string, CancellationToken, Task<DiscoInfo>> query, ILogger logger)
    {
        _query = query;
        _logger = logger;
    }

    /// <summary>Starts a session: forgets who announced what (presence is per session), trusts our own capabilities.</summary>
    public void StartSession(EntityCapabilities own, DiscoInfo ownInfo)
    {
        lock (_gate)
        {
            _announced.Clear();
            Remember((own.Hash, own.Ver), ownInfo);
        }
    }

    /// <summary>An available presence from <paramref name="jid"/>, with or without capabilities.</summary>
    public void OnAvailable(Jid jid, EntityCapabilities? caps)
    {
        lock (_gate)
        {
            if (caps is null || !CapsHash.IsSupported(caps.Hash) || caps.Ver.Length == 0 || caps.Node.Length == 0)
            {
                _announced.Remove(jid);
                return;
            }

            if (_announced.TryGetValue(jid, out var previous) && previous.Caps == caps && previous.Failed)
            {
                return;
            }

            _announced[jid] = new Announcement(caps, Failed: false);
            if (!_verified.ContainsKey((caps.Hash, caps.Ver)))
            {
                StartLookup(jid, caps);
            }
        }
    }

    /// <summary>An unavailable presence from <paramref name="jid"/>.</summary>
    public void OnUnavailable(Jid jid)
    {
        lock (_gate)
        {
            _announced.Remove(jid);
        }
    }

    public bool TryGet(Jid jid, [NotNullWhen(true)] out DiscoInfo? info)
    {
        lock (_gate)
        {
            info = null;
            return _announced.TryGetValue(jid, out var announced)
                && _verified.TryGetValue((announced.Caps.Hash, announced.Caps.Ver), out info);
        }
    }

    public async Task<DiscoInfo?> GetAsync(Jid jid, CancellationToken cancellationToken)
    {
        Task<DiscoInfo?>? lookup;
        lock (_gate)
        {
            if (!_announced.TryGetValue(jid, out var announced) || announced.Failed)
            {
                return null;
            }

            if (_verified.TryGetValue((announced.Caps.Hash, announced.Caps.Ver), out var info))
            {
                return info;
            }

            lookup = StartLookup(jid, announced.Caps);
        }

        return lookup is null ? null : await lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The running lookup of the caps' string, or a new one; <see langword="null"/> when too many run. Holds the lock.</summary>
    private Task<DiscoInfo?>? StartLookup(Jid jid, EntityCapabilities caps)
    {
        var key = (caps.Hash, caps.Ver);
        if (_lookups.TryGetValue(key, out var running))
        {
            return running;
        }

        if (_lookups.Count >= MaxLookups)
        {
            DiscoLog.TooManyLookups(_logger, _lookups.Count, jid, caps.Ver);
            return null;
        }

        // Off the caller's thread (the client's event task); it removes itself under the lock, so only after this line.
        var lookup = Task.Run(() => LookupAsync(jid, caps));
        _lookups[key] = lookup;
        return lookup;
    }

    private async Task<DiscoInfo?> LookupAsync(Jid jid, EntityCapabilities caps)
    {
        await _queries.WaitAsync().ConfigureAwait(false);
        try
        {
            DiscoLog.Verifying(_logger, caps.Ver, jid);
            DiscoInfo info;
            try
            {
                info = await _query(jid, caps.DiscoNode, CancellationToken.None).ConfigureAwait(false);
            }
            catch (XmppIqErrorException error)
            {
                // The entity refuses the query: asking it again for the same string is pointless.
                DiscoLog.QueryFailed(_logger, caps.Ver, jid, error);
                MarkFailed(jid, caps);
                return null;
            }
            catch (Exception error) when (error is XmppException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                // Timeout or no session: the next presence or request tries again.
                DiscoLog.QueryFailed(_logger, caps.Ver, jid, error);
                return null;
            }

            return Verify(jid, caps, info);
        }
        finally
        {
            _queries.Release();
            lock (_gate)
            {
                _lookups.Remove((caps.Hash, caps.Ver));
            }
        }
    }

    private DiscoInfo? Verify(Jid jid, EntityCapabilities caps, DiscoInfo info)
    {
        if (!CapsHash.IsWellFormed(info, out var problem))
        {
            DiscoLog.IllFormed(_logger, jid, caps.Ver, problem);
            MarkFailed(jid, caps);
            return null;
        }

        var computed = CapsHash.Compute(info, caps.Hash);
        if (computed != caps.Ver)
        {
            DiscoLog.HashMismatch(_logger, jid, caps.Ver, computed);
            MarkFailed(jid, caps);
            return null;
        }

        var covered = CapsHash.CoveredPart(info);
        lock (_gate)
        {
            Remember((caps.Hash, caps.Ver), covered);
        }

        DiscoLog.Verified(_logger, caps.Ver, jid);
        return covered;
    }

    private void MarkFailed(Jid jid, EntityCapabilities caps)
    {
        lock (_gate)
        {
            if (_announced.TryGetValue(jid, out var announced) && announced.Caps == caps)
            {
                _announced[jid] = announced with { Failed = true };
            }
        }
    }

    /// <summary>Caches a verified string. Holds the lock.</summary>
    private void Remember((string Hash, string Ver) key, DiscoInfo info)
    {
        if (_verified.Count >= MaxVerified && !_verified.ContainsKey(key))
        {
            _verified.Remove(_verified.Keys.First());
        }

        _verified[key] = info;
    }

    private sealed record Announcement(EntityCapabilities Caps, bool Failed);
}
