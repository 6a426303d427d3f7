namespace Xmpp.Client.Extensions.Disco;

/// <summary>Features an application announces besides the extensions' own, and what changes when they change.</summary>
public sealed partial class DiscoExtension
{
    private readonly object _featuresGate = new();
    private Task _resend = Task.CompletedTask;

    /// <summary>The feature list <see cref="_own"/> was computed from (the announced features' snapshot, replaced on each change).</summary>
    private IReadOnlyList<string>? _ownFrom;

    /// <summary>
    /// This client's description: computed on first use and again whenever the features changed, including the fixed
    /// ones extensions announce while they initialise (which raise no <see cref="AnnouncedFeatures.Changed"/>).
    /// </summary>
    private (DiscoInfo Info, EntityCapabilities Caps) Own
    {
        get
        {
            lock (_featuresGate)
            {
                var names = Context.Features.Names;
                if (_own is null || !ReferenceEquals(names, _ownFrom))
                {
                    _own = DescribeSelf();
                    _ownFrom = names;
                }

                return _own.Value;
            }
        }
    }

    /// <summary>
    /// Announces a feature of the application (such as the namespace of a custom IQ it answers) in this client's
    /// disco#info and entity capabilities: <see cref="AnnouncedFeatures.Add"/>, waiting until the broadcast available
    /// presence, if one was sent, went out again with the new capabilities (so that contacts learn of the change, XEP-0115 §4).
    /// </summary>
    /// <param name="feature">The feature's name, usually a namespace.</param>
    /// <param name="cancellationToken">Stops waiting to send the presence again.</param>
    /// <returns>Whether the feature was added (<see langword="false"/> if it was announced already).</returns>
    /// <exception cref="ArgumentException">The name is empty or contains <c>&lt;</c> (a separator of the capabilities hash).</exception>
    public async ValueTask<bool> AddFeatureAsync(string feature, CancellationToken cancellationToken = default)
    {
        if (!Context.Features.Add(feature))
        {
            return false;
        }

        await Volatile.Read(ref _resend).WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Stops announcing a feature added with <see cref="AddFeatureAsync"/> (the extensions' own features stay), and sends
    /// a broadcast available presence again with the new capabilities.
    /// </summary>
    /// <param name="feature">The feature's name.</param>
    /// <param name="cancellationToken">Stops waiting to send the presence again.</param>
    /// <returns>Whether the feature was removed (<see langword="false"/> if the application had not added it).</returns>
    public async ValueTask<bool> RemoveFeatureAsync(string feature, CancellationToken cancellationToken = default)
    {
        if (!Context.Features.Remove(feature))
        {
            return false;
        }

        await Volatile.Read(ref _resend).WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The announced features changed (whoever changed them): describe this client afresh, trust the new description as
    /// verified, and send the broadcast presence again with the new capabilities.
    /// </summary>
    private void OnFeaturesChanged()
    {
        lock (_featuresGate)
        {
            _own = null;
            var own = Own;
            _caps.TrustOwn(own.Caps, own.Info);
            Volatile.Write(ref _resend, Task.Run(ResendPresenceAsync));
        }
    }

    private async Task ResendPresenceAsync()
    {
        try
        {
            await Context.ResendPresenceAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or XmppConnectionLostException or ObjectDisposedException)
        {
            DiscoLog.ResendFailed(Context.Logger, error); // disconnected meanwhile
        }
    }
}
