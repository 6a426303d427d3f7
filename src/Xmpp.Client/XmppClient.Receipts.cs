using Xmpp.Client.Extensions.Receipts;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private ReceiptsModule? _receipts;

    /// <summary>Message delivery receipts (XEP-0184): requests, automatic answers, and waiting for receipts.</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.Receipts"/> is switched off.</exception>
    public ReceiptsModule Receipts => RequireModule(_receipts, XmppModules.Receipts);
}
