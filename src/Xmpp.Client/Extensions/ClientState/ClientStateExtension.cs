using System.Xml.Linq;

namespace Xmpp.Client.Extensions.ClientState;

/// <summary>
/// Client state indication (XEP-0352): tells the server whether a person looks at this client
/// (<see cref="SetActiveAsync"/>) or not (<see cref="SetInactiveAsync"/>), so that while inactive it may hold back or
/// drop what is not urgent (presence updates, chat states) and save the device's battery and bandwidth.
/// </summary>
/// <remarks>
/// <para>The indications are sent only when the server offers the stream feature
/// <c>&lt;csi xmlns='urn:xmpp:csi:0'/&gt;</c> (<see cref="IsSupported"/>); otherwise the state is only remembered. A
/// new session starts active on the server, so a client left inactive says so again after a reconnection that was
/// not resumed; a resumed session keeps the state.</para>
/// <para>Thread-safe: every member may be called from any thread.</para>
/// </remarks>
public sealed class ClientStateExtension : XmppExtension
{
    /// <summary>The namespace of XEP-0352.</summary>
    public const string Namespace = "urn:xmpp:csi:0";

    private static readonly XName Feature = XName.Get("csi", Namespace);
    private static readonly XName Active = XName.Get("active", Namespace);
    private static readonly XName Inactive = XName.Get("inactive", Namespace);
    private volatile bool _supported;
    private volatile bool _inactive;

    /// <summary>Whether the server offered client state indication on the current (or last) session.</summary>
    public bool IsSupported => _supported;

    /// <summary>
    /// Whether the client told (or will tell) the server it is inactive: the last of <see cref="SetActiveAsync"/> and
    /// <see cref="SetInactiveAsync"/> called. <see langword="false"/> at first (a session starts active).
    /// </summary>
    public bool IsInactive => _inactive;

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context) =>
        context.OnSessionStarted(async (session, cancellationToken) =>
        {
            _supported = session.HasStreamFeature(Feature);
            if (_supported && !session.IsResumed && _inactive)
            {
                await Context.SendNonzaAsync(new XElement(Inactive), cancellationToken).ConfigureAwait(false);
                ClientStateLog.Reapplied(Context.Logger);
            }
        });

    /// <summary>Tells the server a person uses the client again (<c>&lt;active/&gt;</c>): it sends everything at once again.</summary>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns><see langword="true"/> when the indication was sent; <see langword="false"/> when the server does not
    /// offer client state indication (the state is remembered all the same).</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    /// <exception cref="XmppConnectionLostException">The client is reconnecting or the connection broke (the state is
    /// remembered and applied to a new session).</exception>
    public Task<bool> SetActiveAsync(CancellationToken cancellationToken = default) => SetAsync(inactive: false, cancellationToken);

    /// <summary>
    /// Tells the server nobody looks at the client (<c>&lt;inactive/&gt;</c>): it may hold back what is not urgent until
    /// <see cref="SetActiveAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns><see langword="true"/> when the indication was sent; <see langword="false"/> when the server does not
    /// offer client state indication (the state is remembered all the same).</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    /// <exception cref="XmppConnectionLostException">The client is reconnecting or the connection broke (the state is
    /// remembered and applied to a new session).</exception>
    public Task<bool> SetInactiveAsync(CancellationToken cancellationToken = default) => SetAsync(inactive: true, cancellationToken);

    private async Task<bool> SetAsync(bool inactive, CancellationToken cancellationToken)
    {
        _inactive = inactive;
        if (!_supported)
        {
            ClientStateLog.NotOffered(Context.Logger);
            return false;
        }

        await Context.SendNonzaAsync(new XElement(inactive ? Inactive : Active), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
