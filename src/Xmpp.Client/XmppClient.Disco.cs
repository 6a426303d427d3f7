using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private DiscoModule? _disco;

    /// <summary>Service discovery (XEP-0030) and entity capabilities (XEP-0115).</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.ServiceDiscovery"/> is switched off.</exception>
    public DiscoModule Disco => RequireModule(_disco, XmppModules.ServiceDiscovery);
}
