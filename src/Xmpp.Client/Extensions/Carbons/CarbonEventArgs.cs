using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Carbons;

/// <summary>A carbon copy (XEP-0280) of a message another resource of the account received or sent.</summary>
public sealed class CarbonEventArgs : EventArgs
{
    internal CarbonEventArgs(CarbonDirection direction, Message message, Message carbon)
    {
        Direction = direction;
        Message = message;
        Carbon = carbon;
    }

    /// <summary>Whether another resource received <see cref="Message"/> or sent it.</summary>
    public CarbonDirection Direction { get; }

    /// <summary>
    /// The copied message as the other resource saw it: for <see cref="CarbonDirection.Received"/> from the contact to
    /// that resource, for <see cref="CarbonDirection.Sent"/> from that resource to the contact. Its sender is who the
    /// server says, checked only in that the copy came from the account's own server.
    /// </summary>
    public Message Message { get; }

    /// <summary>The wrapper the server sent, from the account's bare JID to this resource.</summary>
    public Message Carbon { get; }
}
