using Xmpp.Client.Extensions.Disco;

namespace Xmpp.Client.Extensions.Gateways;

/// <summary>
/// A gateway to a legacy network (XEP-0100): a service with a disco identity of category <c>gateway</c>, whose
/// type names the network (<c>irc</c>, <c>icq</c>, <c>smtp</c>, <c>sms</c>, <c>xmpp</c> … from the XMPP registry).
/// </summary>
/// <param name="Jid">The gateway's address, a domain (such as <c>irc.example.org</c>): its legacy contacts are JIDs at
/// that domain.</param>
/// <param name="Type">The identity's type, the legacy network (such as <c>irc</c>).</param>
/// <param name="Name">The identity's human-readable name, if given.</param>
/// <param name="Info">The gateway's whole disco#info answer.</param>
public sealed record Gateway(Jid Jid, string Type, string? Name, DiscoInfo Info)
{
    /// <summary>Whether the gateway announces in-band registration (<c>jabber:iq:register</c>, XEP-0077), with which
    /// the user gives it the legacy account's credentials.</summary>
    public bool SupportsRegistration => Info.HasFeature(Registration.RegistrationExtension.Namespace);

    /// <summary>Whether the gateway announces address translation (<c>jabber:iq:gateway</c>, XEP-0100 §6.3); without
    /// it, <see cref="GatewaysExtension.TranslateAsync"/> escapes the address itself (XEP-0106).</summary>
    public bool SupportsAddressTranslation => Info.HasFeature(GatewayXml.Namespace);

    /// <summary>Reads a gateway from a disco#info answer.</summary>
    /// <param name="jid">The entity asked.</param>
    /// <param name="info">Its answer.</param>
    /// <returns>The gateway, or <see langword="null"/> when the entity has no identity of category <c>gateway</c>.</returns>
    internal static Gateway? From(Jid jid, DiscoInfo info) =>
        info.Identities.FirstOrDefault(identity => identity.Category == GatewayXml.Category) is { } identity
            ? new Gateway(jid, identity.Type, identity.Name, info)
            : null;
}
