using Xmpp.Client.Extensions.Roster;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private RosterModule? _roster;

    /// <summary>The roster (RFC 6121 §2, with XEP-0237 versioning): the contact list and its changes.</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.Roster"/> is not in <see cref="XmppClientOptions.Modules"/>.</exception>
    public RosterModule Roster => RequireModule(_roster, XmppModules.Roster);
}
