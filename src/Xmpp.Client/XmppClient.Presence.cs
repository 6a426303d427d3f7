using Xmpp.Client.Extensions.PresenceTracking;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private PresenceModule? _presence;

    /// <summary>
    /// Presence and subscriptions (RFC 6121 §3–4): send availability, manage subscriptions, and see which contacts
    /// are online with which resources.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.Presence"/> is not in
    /// <see cref="XmppClientOptions.Modules"/>.</exception>
    public PresenceModule Presence => RequireModule(_presence, XmppModules.Presence);
}
