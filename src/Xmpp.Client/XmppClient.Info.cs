using Xmpp.Client.Extensions.EntityInfo;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private EntityInfoModule? _info;

    /// <summary>Ping (XEP-0199), software version (XEP-0092) and entity time (XEP-0202).</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.EntityInfo"/> is switched off.</exception>
    public EntityInfoModule Info => RequireModule(_info, XmppModules.EntityInfo);
}
