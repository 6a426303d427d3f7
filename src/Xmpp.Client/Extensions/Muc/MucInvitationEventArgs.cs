using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

/// <summary>An invitation arrived; join with <see cref="MucExtension.JoinAsync"/> (with its password) or answer with <see cref="MucExtension.DeclineAsync"/>.</summary>
public sealed class MucInvitationEventArgs : EventArgs
{
    internal MucInvitationEventArgs(MucInvitation invitation, Message message)
    {
        Invitation = invitation;
        Message = message;
    }

    /// <summary>The invitation.</summary>
    public MucInvitation Invitation { get; }

    /// <summary>The message that carried it.</summary>
    public Message Message { get; }
}
