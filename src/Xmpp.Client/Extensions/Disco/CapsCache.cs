using Xmpp.Client.Extensions.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// Others' entity capabilities (XEP-0115 §5.4, §6.2): which full JID announced which verification string, and the
/// disco#info behind each verification string once its hash has been checked. Unknown strings are queried in the
/// background, once each at a time, a few queries at once; an answer that is ill-formed or does not hash to its
/// string is never cached, and the same JID is not asked again for the same string.
/// </summary>
/// <remarks>
/// Everything here is filled by others, so it is bounded and shared fairly: announcements like the presence table
/// (per contact, in all, in bytes; see <see cref="BoundedContactMap{T}"/>), announcements that cannot be a hash of
/// their function or name an overlong node are ignored, a contact may have only a few verifications under way, and the
/// verified answers are bounded as <see cref="VerifiedCaps"/> describes.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is not used), so it holds nothing to release.")]
internal sealed class CapsCache
{
    /// <summary>Distinct verification strings being verified at once (running or waiting for a query slot).</summary>
    internal const int MaxLookups = 32;

    /// <summary>Verifications one contact (bare JID) may have under way; fewer than the query slots, so one contact
    /// that never answers cannot hold them all.</summary>
    internal const int MaxLookupsPerContact = 3;

    /// <summary>disco#info queries running at once.</summary>
    internal const int MaxConcurrentQueries = 8;

    /// <summary>Verified strings kept (besides the client's own).</summary>
    internal const int MaxVerified = 1024;

    /// <summary>Approximate memory of the verified answers.</summary>
    internal const long MaxVerifiedBytes = 4 * 1024 * 1024;

    /// <summary>Approximate memory of one verified answer; larger ones are not cached (real clients need a few KiB).</summary>
    internal const long MaxAnswerBytes = 64 * 1024;

    /// <summary>Verified strings charged to one contact (the one whose answer verified them).</summary>
    internal const int MaxVerifiedPerContact = 32;

    /// <summary>The longest caps node kept; a longer announcement is ignored.</summary>
    internal const int MaxNodeLength = 1024;

    /// <summary>The byte budget of the announcements per announcement allowed.</summary>
    internal const int BytesPerAnnouncement = 256;

    private readonly Func<Jid, string, CancellationToken, Task<DiscoInfo>> _query;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly BoundedContactMap<Announcement> _announced;
    private readonly VerifiedCaps _verified = new(MaxVerified, MaxVerifiedPerContact, MaxVerifiedBytes, MaxAnswerBytes);
    private readonly Dictionary<(string Hash, string Ver), Task<DiscoInfo?>> _lookups = [];
    private readonly Dictionary<Jid, int> _lookupsByContact = [];
    private readonly SemaphoreSlim _queries = new(MaxConcurrentQueries, MaxConcurrentQueries);

    /// <param name="query">Sends disco#info to a JID about a node.</param>
    /// <param name="logger">Where verification failures are logged.</param>
    /// <param name="maxPerContact">Announcements kept per contact (bare JID).</param>
    /// <param name="maxAnnouncements">Announcements kept in all.</param>
    public CapsCache(Func<Jid, string, CancellationToken, Task<DiscoInfo>> query, ILogger logger, int maxPerContact = 256, int maxAnnouncements = 20_000)
    {
        _query = query;
        _logger = logger;
        _announced = new BoundedContactMap<Announcement>(
            static (_, announced) => 2L * (announced.Caps.Hash.Length + announced.Caps.Node.Length + announced.Caps.Ver.Length),
            maxPerContact, maxAnnouncements, (long)maxAnnouncements * BytesPerAnnouncement);
    }

    /// <summary>The verified strings kept (besides the client's own).</summary>
    internal int VerifiedCount
    {
        get
        {
            lock (_gate)
            {
                return _verified.Count;
            }
        }
    }

    /// <summary>The approximate memory of the verified answers.</summary>
    internal long VerifiedBytes
    {
        get
        {
            lock (_gate)
            {
                return _verified.Bytes;
            }
        }
    }

    /// <summary>Starts a session: forgets who announced what (presence is per session), trusts our own capabilities.</summary>
    public void StartSession(EntityCapabilities own, DiscoInfo ownInfo)
    {
        lock (_gate)
        {
            _announced.Clear();
            _verified.SetOwn((own.Hash, own.Ver), ownInfo);
        }
    }

    /// <summary>Trusts our own capabilities after they changed (the application announced or withdrew a feature).</summary>
    public void TrustOwn(EntityCapabilities own, DiscoInfo ownInfo)
    {
        lock (_gate)
        {
            _verified.SetOwn((own.Hash, own.Ver), ownInfo);
        }
    }

    /// <summary>An available presence from <paramref name="jid"/>, with or without capabilities.</summary>
    public void OnAvailable(Jid jid, EntityCapabilities? caps)
    {
        lock (_gate)
        {
            if (caps is null || !CanBeVerified(caps))
            {
                _announced.Remove(jid, out _);
                return;
            }

            if (_announced.TryGet(jid, out var previous) && previous.Caps == caps && previous.Failed)
            {
                return;
            }

            if (!_announced.Set(jid, new Announcement(caps, Failed: false), out _, out _))
            {
                // No room (or, for a tracked JID, none for the new announcement): its capabilities stay unknown.
                _announced.Remove(jid, out _);
                DiscoLog.NotTracked(_logger, jid);
                return;
            }

            if (!_verified.TryGet((caps.Hash, caps.Ver), out _))
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
            _announced.Remove(jid, out _);
        }
    }

    public bool TryGet(Jid jid, [NotNullWhen(true)] out DiscoInfo? info)
    {
        lock (_gate)
        {
            info = null;
            return _announced.TryGet(jid, out var announced) && _verified.TryGet((announced.Caps.Hash, announced.Caps.Ver), out info);
        }
    }

    public async Task<DiscoInfo?> GetAsync(Jid jid, CancellationToken cancellationToken)
    {
        Task<DiscoInfo?>? lookup;
        lock (_gate)
        {
            if (!_announced.TryGet(jid, out var announced) || announced.Failed)
            {
                return null;
            }

            if (_verified.TryGet((announced.Caps.Hash, announced.Caps.Ver), out var info))
            {
                return info;
            }

            lookup = StartLookup(jid, announced.Caps);
        }

        return lookup is null ? null : await lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the announcement could be verified at all: a supported hash, a string as long as its digest, a node.</summary>
    private static bool CanBeVerified(EntityCapabilities caps) =>
        CapsHash.IsSupported(caps.Hash) && caps.Ver.Length == CapsHash.VerLength(caps.Hash)
        && caps.Node.Length is > 0 and <= MaxNodeLength;

    /// <summary>The running lookup of the caps' string, or a new one; <see langword="null"/> when too many run. Holds the lock.</summary>
    private Task<DiscoInfo?>? StartLookup(Jid jid, EntityCapabilities caps)
    {
        var key = (caps.Hash, caps.Ver);
        if (_lookups.TryGetValue(key, out var running))
        {
            return running;
        }

        var contact = jid.Bare;
        var byContact = _lookupsByContact.GetValueOrDefault(contact);
        if (_lookups.Count >= MaxLookups || byContact >= MaxLookupsPerContact)
        {
            DiscoLog.TooManyLookups(_logger, _lookups.Count, byContact, jid, caps.Ver);
            return null;
        }

        // Off the caller's thread (the client's event task); it removes itself under the lock, so only after these lines.
        _lookupsByContact[contact] = byContact + 1;
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
                var left = _lookupsByContact[jid.Bare] - 1;
                if (left == 0)
                {
                    _lookupsByContact.Remove(jid.Bare);
                }
                else
                {
                    _lookupsByContact[jid.Bare] = left;
                }
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
        bool kept;
        lock (_gate)
        {
            kept = _verified.TryAdd((caps.Hash, caps.Ver), covered, jid.Bare);
        }

        if (!kept)
        {
            DiscoLog.TooLarge(_logger, jid, caps.Ver, VerifiedCaps.SizeOf(covered));
            MarkFailed(jid, caps);
            return null;
        }

        DiscoLog.Verified(_logger, caps.Ver, jid);
        return covered;
    }

    private void MarkFailed(Jid jid, EntityCapabilities caps)
    {
        lock (_gate)
        {
            if (_announced.TryGet(jid, out var announced) && announced.Caps == caps)
            {
                // The same size as before, so it always fits.
                _announced.Set(jid, announced with { Failed = true }, out _, out _);
            }
        }
    }

    private sealed record Announcement(EntityCapabilities Caps, bool Failed);
}
