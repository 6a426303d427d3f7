using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions;

/// <summary>
/// What this client says it is and supports (XEP-0030): the identities and features its extensions and the
/// application announce. Service discovery answers disco#info with it and computes the entity capabilities (XEP-0115)
/// from it; the same object is <see cref="XmppExtensionContext.Features"/> for every extension of a client.
/// </summary>
/// <remarks>
/// The features an extension adds while it initialises (<see cref="XmppExtensionContext.AddFeature"/>) are fixed;
/// those added later with <see cref="Add"/> can be removed again. Thread-safe.
/// </remarks>
public sealed class AnnouncedFeatures
{
    private readonly object _gate = new();
    private readonly HashSet<string> _fixed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private readonly List<DiscoIdentity> _identities = [];
    private (string[] Features, DiscoIdentity[] Identities)? _snapshot;

    internal AnnouncedFeatures()
    {
    }

    /// <summary>
    /// Raised, on the thread that made the change, after a feature was added or removed: service discovery recomputes
    /// the capabilities and sends the broadcast presence again with them (in the background;
    /// <see cref="DiscoExtension.AddFeatureAsync"/> waits for it). Keep handlers quick and do not throw.
    /// </summary>
    public event Action? Changed;

    /// <summary>Every feature announced, in no particular order (a snapshot).</summary>
    public IReadOnlyList<string> Names => Snapshot().Features;

    /// <summary>The identities announced (a snapshot), in the order they were added.</summary>
    public IReadOnlyList<DiscoIdentity> Identities => Snapshot().Identities;

    /// <summary>Whether the feature is announced.</summary>
    /// <param name="feature">The feature's name, usually a namespace.</param>
    public bool Contains(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        lock (_gate)
        {
            return _fixed.Contains(feature) || _added.Contains(feature);
        }
    }

    /// <summary>Announces a feature; <see cref="Changed"/> follows when it was not announced yet.</summary>
    /// <param name="feature">The feature's name, usually a namespace.</param>
    /// <returns>Whether it was added.</returns>
    /// <exception cref="ArgumentException">The name is empty or contains <c>&lt;</c> (a separator of the capabilities hash).</exception>
    public bool Add(string feature)
    {
        Check(feature);
        lock (_gate)
        {
            if (_fixed.Contains(feature) || !_added.Add(feature))
            {
                return false;
            }

            _snapshot = null;
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Stops announcing a feature added with <see cref="Add"/>; the features extensions add while they initialise stay.
    /// </summary>
    /// <param name="feature">The feature's name.</param>
    /// <returns>Whether it was removed.</returns>
    public bool Remove(string feature)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        lock (_gate)
        {
            if (!_added.Remove(feature))
            {
                return false;
            }

            _snapshot = null;
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>Adds a feature that stays for the client's lifetime (an extension's, while it initialises).</summary>
    internal void AddFixed(string feature)
    {
        Check(feature);
        lock (_gate)
        {
            _added.Remove(feature);
            _fixed.Add(feature);
            _snapshot = null;
        }
    }

    /// <summary>Adds an identity (while the extensions initialise).</summary>
    internal void AddIdentity(DiscoIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        foreach (var part in (string?[])[identity.Category, identity.Type, identity.Name, identity.Language])
        {
            if (part?.Contains('<', StringComparison.Ordinal) == true)
            {
                throw new ArgumentException("An identity must not contain '<' (it separates the fields of the entity capabilities hash).", nameof(identity));
            }
        }

        lock (_gate)
        {
            if (!_identities.Contains(identity))
            {
                _identities.Add(identity);
                _snapshot = null;
            }
        }
    }

    private (string[] Features, DiscoIdentity[] Identities) Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= ([.. _fixed, .. _added], [.. _identities]);
        }
    }

    private static void Check(string feature)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        if (feature.Contains('<', StringComparison.Ordinal))
        {
            throw new ArgumentException("A feature name must not contain '<' (it separates the fields of the entity capabilities hash).", nameof(feature));
        }
    }
}
