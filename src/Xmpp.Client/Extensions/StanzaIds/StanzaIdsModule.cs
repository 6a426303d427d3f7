using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.StanzaIds;

/// <summary>
/// Unique and stable stanza ids (XEP-0359): puts an <c>&lt;origin-id/&gt;</c> on every message sent, and reads the
/// <c>&lt;stanza-id/&gt;</c> the account's own server assigned (its archive id, for XEP-0313) — only that one, and only
/// when the server promises to remove forged ones. Reached through <see cref="XmppClient.StanzaIds"/>.
/// </summary>
/// <remarks>
/// Anybody can put a <c>&lt;stanza-id by='you@example.com'/&gt;</c> into a message they send you. A server that
/// announces <c>urn:xmpp:sid:0</c> deletes such elements before adding its own, so the module trusts the element only
/// when its 'by' is the account's bare JID and the server announced the feature. It asks once per session, right after
/// login (a disco#info query to the account's bare JID, one round trip before <see cref="XmppClient.ConnectAsync"/>
/// returns); an error or no answer counts as "not supported".
/// </remarks>
public sealed class StanzaIdsModule : XmppModule
{
    private const string DiscoInfo = "http://jabber.org/protocol/disco#info";
    private volatile AccountSupport? _support;

    internal StanzaIdsModule(XmppClient client)
        : base(client)
    {
    }

    /// <summary>
    /// Whether the account's server announced XEP-0359 support (asked once per session, at login), so that
    /// <see cref="GetStanzaId"/> can trust the ids it assigns. <see langword="false"/> before the first login.
    /// </summary>
    public bool ServerSupportsStanzaIds => _support?.Supported == true;

    internal override IEnumerable<string> Features => [StanzaIdElements.Namespace];

    /// <summary>
    /// The id the account's own server assigned to a received message (<c>&lt;stanza-id by='account bare JID'/&gt;</c>),
    /// as used by message archives; <see langword="null"/> when there is none, when the server does not announce
    /// <c>urn:xmpp:sid:0</c> (then the element could be forged by the sender), or when several claim to be the server's.
    /// Elements stamped by anyone else (a chat room, another server) are ignored.
    /// </summary>
    /// <param name="message">A message received in this session.</param>
    public string? GetStanzaId(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _support is { Supported: true } support ? StanzaIdElements.StanzaId(message, support.Account) : null;
    }

    /// <summary>Adds an origin-id to each message (except errors) that has none: the message's own id.</summary>
    internal override void OnSending(Stanza stanza)
    {
        if (stanza is Message { Type: not MessageType.Error } message
            && message.Element.Element("origin-id", StanzaIdElements.Namespace) is null)
        {
            StanzaIdElements.AddOriginId(message, message.Id!);
        }
    }

    internal override async Task OnSessionStartedAsync(CancellationToken cancellationToken)
    {
        _support = null;
        if (Client.BoundJid is not { } bound)
        {
            return;
        }

        var account = bound.Bare;
        var supported = await AskServerAsync(account, cancellationToken).ConfigureAwait(false);
        _support = new AccountSupport(account, supported);
        StanzaIdsLog.ServerSupport(Client.Logger, account.ToString(), supported);
    }

    private async Task<bool> AskServerAsync(Jid account, CancellationToken cancellationToken)
    {
        var query = new Iq(IqType.Get, new XElement(XName.Get("query", DiscoInfo))) { To = account };
        try
        {
            var result = await Client.SendIqAsync(query, cancellationToken).ConfigureAwait(false);
            return result.PayloadElement?.Elements("feature", DiscoInfo)
                .Any(feature => feature.GetAttribute("var") == StanzaIdElements.Namespace) == true;
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException)
        {
            StanzaIdsLog.DiscoFailed(Client.Logger, account.ToString(), error);
            return false;
        }
    }

    private sealed record AccountSupport(Jid Account, bool Supported);
}
