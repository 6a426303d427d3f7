using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

/// <summary>
/// A message came back as an error (RFC 6120 §8.3): the recipient's server, the recipient or a server on the way
/// refused it — for example <c>service-unavailable</c> (no such user, or it does not accept messages),
/// <c>recipient-unavailable</c>, <c>not-allowed</c>, <c>remote-server-not-found</c>. It was not delivered; whether
/// sending it again can help depends on <see cref="StanzaError.Type"/> (<c>wait</c> may, <c>cancel</c> will not).
/// </summary>
public sealed class XmppMessageErrorException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="messageId">The id of the message that bounced.</param>
    /// <param name="from">Who sent the error; <see langword="null"/> for the account's own server.</param>
    /// <param name="error">The error the bounce carried.</param>
    public XmppMessageErrorException(string messageId, Jid? from, StanzaError error)
        : base($"The message '{messageId}' bounced from {from?.ToString() ?? "the account's server"}: {error}.")
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(error);
        MessageId = messageId;
        From = from;
        Error = error;
    }

    /// <summary>The id of the message that bounced.</summary>
    public string MessageId { get; }

    /// <summary>Who sent the error; <see langword="null"/> for the account's own server.</summary>
    public Jid? From { get; }

    /// <summary>Why the message was refused.</summary>
    public StanzaError Error { get; }
}
