using Xmpp.Client.Extensions.StanzaIds;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private StanzaIdsModule? _stanzaIds;

    /// <summary>Unique and stable stanza ids (XEP-0359): the archive id the account's server gave a message.</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.StanzaIds"/> is switched off.</exception>
    public StanzaIdsModule StanzaIds => RequireModule(_stanzaIds, XmppModules.StanzaIds);
}
