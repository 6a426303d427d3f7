using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>Legacy addresses and JIDs: jabber:iq:gateway (XEP-0100 §6.3) and XEP-0106 escaping.</summary>
public sealed partial class GatewaysExtension
{
    /// <summary>Asks a gateway what it needs to translate a legacy address (jabber:iq:gateway get, XEP-0100 §6.3.1).</summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The description and the prompt to show the user.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID.</exception>
    /// <exception cref="XmppIqErrorException">The gateway refused, such as <c>service-unavailable</c> or
    /// <c>feature-not-implemented</c> when it does not offer jabber:iq:gateway.</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no jabber:iq:gateway query with a prompt.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<GatewayPrompt> GetPromptAsync(Jid gateway, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        var reply = await Client.SendIqAsync(new Iq(IqType.Get, new XElement(GatewayXml.Query)) { To = gateway }, cancellationToken)
            .ConfigureAwait(false);
        var query = reply.GetPayload(GatewayXml.Query)
            ?? throw new XmppException($"The jabber:iq:gateway answer of {gateway} carried no <query xmlns='{GatewayXml.Namespace}'/>.");
        var prompt = query.Element(GatewayXml.Prompt)?.Value;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new XmppException($"The jabber:iq:gateway answer of {gateway} carried no <prompt/>.");
        }

        var description = query.Element(GatewayXml.Desc)?.Value;
        return new GatewayPrompt(string.IsNullOrWhiteSpace(description) ? null : description, prompt);
    }

    /// <summary>
    /// Translates a legacy address (an IRC nick, an e-mail address, an ICQ number …) into the JID of that contact at
    /// the gateway. A gateway that offers jabber:iq:gateway is asked (XEP-0100 §6.3.2); one known not to offer it, or
    /// one that answers <c>service-unavailable</c> or <c>feature-not-implemented</c>, gets the address escaped as the
    /// localpart of a JID at its domain (XEP-0106, <see cref="EscapeAddress"/>).
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="legacyAddress">The address on the legacy network, such as <c>user@legacy.example</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The contact's bare JID at the gateway, such as <c>user\40legacy.example@gateway.example.org</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID, <paramref name="legacyAddress"/>
    /// is empty, or (when escaping) it makes no valid localpart (it starts or ends with a space, holds control
    /// characters, or is too long).</exception>
    /// <exception cref="XmppIqErrorException">The gateway refused otherwise (such as <c>not-acceptable</c> for an
    /// address it cannot read).</exception>
    /// <exception cref="XmppTimeoutException">No answer in time.</exception>
    /// <exception cref="XmppException">The answer carried no <c>jid</c>, one that is not a JID, or one outside the
    /// gateway's domain.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<Jid> TranslateAsync(Jid gateway, string legacyAddress, CancellationToken cancellationToken = default)
    {
        RequireDomain(gateway, nameof(gateway));
        ArgumentException.ThrowIfNullOrWhiteSpace(legacyAddress);
        if (TryGetGateway(gateway, out var known) && !known.SupportsAddressTranslation)
        {
            GatewayLog.Escaped(Context.Logger, gateway.ToString(), "not announced in disco");
            return EscapeAddress(gateway, legacyAddress);
        }

        Iq reply;
        try
        {
            var request = new Iq(IqType.Set, new XElement(GatewayXml.Query, new XElement(GatewayXml.Prompt, legacyAddress))) { To = gateway };
            reply = await Client.SendIqAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (XmppIqErrorException error) when (error.Error.Condition is StanzaErrorCondition.ServiceUnavailable or StanzaErrorCondition.FeatureNotImplemented)
        {
            GatewayLog.Escaped(Context.Logger, gateway.ToString(), error.Error.Condition.ToString());
            return EscapeAddress(gateway, legacyAddress);
        }

        var text = reply.GetPayload(GatewayXml.Query)?.Element(GatewayXml.Jid)?.Value
            ?? throw new XmppException($"The jabber:iq:gateway answer of {gateway} carried no <jid/>.");
        if (!Jid.TryParse(text.Trim(), out var jid))
        {
            throw new XmppException($"The jabber:iq:gateway answer of {gateway} carried '{text}', which is not a JID.");
        }

        if (jid.Local is null || !string.Equals(jid.Domain, gateway.Domain, StringComparison.Ordinal))
        {
            throw new XmppException($"The jabber:iq:gateway answer of {gateway} carried {jid}, which is not a contact at the gateway.");
        }

        return jid.Bare;
    }

    /// <summary>
    /// The JID of a legacy contact at a gateway that does not translate addresses: the address escaped (XEP-0106,
    /// <see cref="Jid.EscapeLocal"/>) as the localpart, at the gateway's domain. Sends nothing.
    /// </summary>
    /// <param name="gateway">The gateway's domain JID.</param>
    /// <param name="legacyAddress">The address on the legacy network, such as <c>d'artagnan@legacy.example</c>.</param>
    /// <returns>The contact's bare JID, such as <c>d\27artagnan\40legacy.example@gateway.example.org</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="gateway"/> is not a domain JID, or the escaped address is no
    /// valid localpart (it starts or ends with a space, holds control characters, or is too long).</exception>
    public static Jid EscapeAddress(Jid gateway, string legacyAddress)
    {
        RequireDomain(gateway, nameof(gateway));
        ArgumentException.ThrowIfNullOrWhiteSpace(legacyAddress);
        return new Jid(Jid.EscapeLocal(legacyAddress), gateway.Domain);
    }

    /// <summary>
    /// The legacy address a gateway contact's JID stands for, to show the user: its localpart unescaped (XEP-0106,
    /// <see cref="Jid.UnescapeLocal"/>). Sends nothing.
    /// </summary>
    /// <param name="contact">A contact at a gateway, such as <c>user\40legacy.example@gateway.example.org</c>.</param>
    /// <returns>The address, such as <c>user@legacy.example</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="contact"/> has no localpart.</exception>
    public static string GetLegacyAddress(Jid contact) =>
        contact.Local is { } local
            ? Jid.UnescapeLocal(local)
            : throw new ArgumentException($"'{contact}' is no contact at a gateway: it has no localpart.", nameof(contact));
}
