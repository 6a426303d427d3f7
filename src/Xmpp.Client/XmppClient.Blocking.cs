using Xmpp.Client.Extensions.Blocking;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private BlockingModule? _blocking;

    /// <summary>The block list (XEP-0191): contacts whose stanzas the server stops.</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.Blocking"/> is not in <see cref="XmppClientOptions.Modules"/>.</exception>
    public BlockingModule Blocking => RequireModule(_blocking, XmppModules.Blocking);
}
