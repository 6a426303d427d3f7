using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.StanzaIds;

/// <summary>Reads the sender-assigned id of XEP-0359 from messages.</summary>
public static class StanzaIdExtensions
{
    /// <summary>
    /// The <c>&lt;origin-id/&gt;</c> the sending client put on the message (XEP-0359 §2.2), or <see langword="null"/>.
    /// Chosen by the sender, so unique only as far as the sender is honest; rooms reflect it back unchanged, which
    /// lets a client recognise its own messages. For the id the account's server assigned, see
    /// <see cref="StanzaIdsExtension.GetStanzaId"/>.
    /// </summary>
    /// <param name="message">A message.</param>
    public static string? GetOriginId(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return StanzaIdElements.OriginId(message);
    }
}
