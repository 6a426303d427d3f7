using Xmpp.Client.Extensions.ChatStates;

namespace Xmpp.Client;

public sealed partial class XmppClient
{
    private ChatStatesModule? _chatStates;

    /// <summary>Chat state notifications (XEP-0085): typing, paused, inactive, gone.</summary>
    /// <exception cref="InvalidOperationException"><see cref="XmppModules.ChatStates"/> is switched off.</exception>
    public ChatStatesModule ChatStates => RequireModule(_chatStates, XmppModules.ChatStates);
}
