using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Muc;

public sealed partial class MucExtension
{
    /// <summary>
    /// Declines an invitation: for a mediated one, the room tells the inviter (XEP-0045 §7.8.2); a direct invitation
    /// (XEP-0249) has no decline, so nothing is sent for it.
    /// </summary>
    /// <param name="invitation">The invitation, from <see cref="InvitationReceived"/>.</param>
    /// <param name="reason">A few words for the inviter, if any.</param>
    /// <param name="cancellationToken">Stops waiting for the turn to write.</param>
    /// <returns>Completes when sent.</returns>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task DeclineAsync(MucInvitation invitation, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.IsDirect)
        {
            return;
        }

        var decline = new XElement(XName.Get("decline", MucNamespaces.User));
        if (invitation.Inviter is { } inviter)
        {
            decline.SetAttributeValue("to", inviter.ToString());
        }

        if (reason is not null)
        {
            decline.Add(new XElement(XName.Get("reason", MucNamespaces.User), reason));
        }

        var message = new Message { To = invitation.Room, Type = MessageType.Normal };
        message.AddPayload(new XElement(MucNamespaces.UserX, decline));
        await Context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<bool> OnDirectInvitationAsync(Message message)
    {
        if (MucInvitations.ReadDirect(message, message.From) is not { } invitation)
        {
            MucLog.InvalidInvitation(Context.Logger, message.From?.ToString() ?? string.Empty);
            return new(true);
        }

        return RaiseInvitationAsync(invitation, message);
    }

    private async ValueTask<bool> RaiseInvitationAsync(MucInvitation invitation, Message message)
    {
        await Context.RaiseAsync(InvitationReceived, new MucInvitationEventArgs(invitation, message), nameof(InvitationReceived)).ConfigureAwait(false);
        return true;
    }
}
