namespace Xmpp.Client.Extensions.Disco;

/// <summary>Features an application announces besides the modules' own, and what changes when they change.</summary>
public sealed partial class DiscoModule
{
    private readonly object _featuresGate = new();
    private readonly HashSet<string> _applicationFeatures = new(StringComparer.Ordinal);

    /// <summary>This client's description: computed on first use and again after each change of features.</summary>
    private (DiscoInfo Info, EntityCapabilities Caps) Own
    {
        get
        {
            lock (_featuresGate)
            {
                return _own ??= DescribeSelf();
            }
        }
    }

    /// <summary>
    /// Announces a feature of the application (such as the namespace of a custom IQ it answers) in this client's
    /// disco#info and entity capabilities. If an available presence was broadcast, it is sent again with the new
    /// capabilities, so that contacts learn of the change (XEP-0115 §4).
    /// </summary>
    /// <param name="feature">The feature's name, usually a namespace.</param>
    /// <param name="cancellationToken">Stops waiting to send the presence again.</param>
    /// <returns>Whether the feature was added (<see langword="false"/> if it was announced already).</returns>
    /// <exception cref="ArgumentException">The name is empty or contains <c>&lt;</c> (a separator of the capabilities hash).</exception>
    public async ValueTask<bool> AddFeatureAsync(string feature, CancellationToken cancellationToken = default)
    {
        CheckFeature(feature);
        if (OwnInfo.HasFeature(feature) || !Change(() => _applicationFeatures.Add(feature)))
        {
            return false;
        }

        await Client.ReannouncePresenceAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Stops announcing a feature added with <see cref="AddFeatureAsync"/> (the modules' own features stay), and sends
    /// a broadcast available presence again with the new capabilities.
    /// </summary>
    /// <param name="feature">The feature's name.</param>
    /// <param name="cancellationToken">Stops waiting to send the presence again.</param>
    /// <returns>Whether the feature was removed (<see langword="false"/> if the application had not added it).</returns>
    public async ValueTask<bool> RemoveFeatureAsync(string feature, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        if (!Change(() => _applicationFeatures.Remove(feature)))
        {
            return false;
        }

        await Client.ReannouncePresenceAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void CheckFeature(string feature)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        if (feature.Contains('<', StringComparison.Ordinal))
        {
            throw new ArgumentException("A feature name must not contain '<' (it separates the fields of the entity capabilities hash).", nameof(feature));
        }
    }

    /// <summary>Applies a change of the application's features; when it changed something, describes this client afresh.</summary>
    private bool Change(Func<bool> change)
    {
        lock (_featuresGate)
        {
            if (!change())
            {
                return false;
            }

            _own = DescribeSelf();
            _caps.TrustOwn(_own.Value.Caps, _own.Value.Info);
            return true;
        }
    }

    private IEnumerable<string> ApplicationFeatures()
    {
        lock (_featuresGate)
        {
            return [.. _applicationFeatures];
        }
    }
}
