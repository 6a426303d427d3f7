using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.StanzaIds;

/// <summary>
/// Unique and stable stanza ids (XEP-0359): puts an <c>&lt;origin-id/&gt;</c> on every message sent, and reads the
/// <c>&lt;stanza-id/&gt;</c> the account's own server assigned (its archive id, for XEP-0313) — only that one, and only
/// when the server promises to remove forged ones. Reach it through <see cref="XmppClient.StanzaIds"/>.
/// </summary>
/// <remarks>
/// Anybody can put a <c>&lt;stanza-id by='you@example.com'/&gt;</c> into a message they send you. A server that
/// announces <c>urn:xmpp:sid:0</c> deletes such elements before adding its own, so the extension trusts the element only
/// when its 'by' is the account's bare JID and the server announced the feature. It asks once per new session, right
/// after login (a disco#info query to the account's bare JID, one round trip before <see cref="XmppClient.ConnectAsync"/>
/// returns; a resumed session keeps the answer); an error or no answer counts as "not supported".
/// </remarks>
public sealed class StanzaIdsExtension : XmppExtension
{
    private const string DiscoInfo = "http://jabber.org/protocol/disco#info";
    private volatile AccountSupport? _support;

    /// <summary>
    /// Whether the account's server announced XEP-0359 support (asked once per session, at login), so that
    /// <see cref="GetStanzaId"/> can trust the ids it assigns. <see langword="false"/> before the first login.
    /// </summary>
    public bool ServerSupportsStanzaIds => _support?.Supported == true;

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

    /// <inheritdoc/>
    protected override void Initialize(XmppExtensionContext context)
    {
        context.AddFeature(StanzaIdElements.Namespace);
        context.DecorateOutgoing(AddOriginId);
        context.OnSessionStarted(OnSessionStartedAsync);
    }

    /// <summary>Adds an origin-id to each message (except errors) that has none: the message's own id.</summary>
    private static void AddOriginId(Stanza stanza)
    {
        if (stanza is Message { Type: not MessageType.Error } message && !message.HasPayload(StanzaIdElements.OriginIdName))
        {
            StanzaIdElements.AddOriginId(message, message.Id!);
        }
    }

    private async Task OnSessionStartedAsync(XmppSessionStartedEventArgs session, CancellationToken cancellationToken)
    {
        if (session.IsResumed && _support is not null)
        {
            return;
        }

        _support = null;
        var account = session.BoundJid.Bare;
        var supported = await AskServerAsync(account, cancellationToken).ConfigureAwait(false);
        _support = new AccountSupport(account, supported);
        StanzaIdsLog.ServerSupport(Context.Logger, account.ToString(), supported);
    }

    private async Task<bool> AskServerAsync(Jid account, CancellationToken cancellationToken)
    {
        var query = new Iq(IqType.Get, new XElement(XName.Get("query", DiscoInfo))) { To = account };
        try
        {
            var result = await Client.SendIqAsync(query, cancellationToken).ConfigureAwait(false);
            return result.Payload?.Elements(XName.Get("feature", DiscoInfo))
                .Any(feature => (string?)feature.Attribute("var") == StanzaIdElements.Namespace) == true;
        }
        catch (Exception error) when (error is XmppIqErrorException or XmppTimeoutException)
        {
            StanzaIdsLog.DiscoFailed(Context.Logger, account.ToString(), error);
            return false;
        }
    }

    private sealed record AccountSupport(Jid Account, bool Supported);
}
