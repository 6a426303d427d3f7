using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Internal;

/// <summary>
/// Who may push the account's server-kept lists to the client (the roster, RFC 6121 §2.1.6; the block list,
/// XEP-0191 §3.3 and §3.4): only the account itself, that is a stanza without 'from' or from the account's bare JID.
/// A full JID (even of another of the account's resources), the server's domain or any other entity is refused.
/// </summary>
internal static class AccountPushes
{
    public static bool IsFromAccount(Stanza stanza, Jid account)
    {
        // The raw attribute, not Stanza.From: a malformed 'from' parses to null and must not pass for "no from".
        var from = stanza.Element.GetAttribute("from");
        if (from is null)
        {
            return true;
        }

        return Jid.TryParse(from, out var sender) && sender.IsBare && sender == account.Bare;
    }

    /// <summary>The account's bare JID: the bound one when connected, else the configured one.</summary>
    public static Jid Account(XmppClient client) => (client.BoundJid ?? client.Options.Jid).Bare;
}
