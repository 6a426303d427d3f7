using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// The entity capabilities an entity announces in its presence (XEP-0115):
/// <c>&lt;c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='…' ver='…'/&gt;</c>. The client adds its own to
/// every available broadcast presence and verifies those of others; see <see cref="DiscoExtension"/>.
/// </summary>
/// <param name="Hash">The hash function of <paramref name="Ver"/>, such as <c>sha-1</c>.</param>
/// <param name="Node">A URI that names the software.</param>
/// <param name="Ver">The verification string: the hash of the entity's identities, features and forms.</param>
public sealed record EntityCapabilities(string Hash, string Node, string Ver) : IXmppPayload<EntityCapabilities>
{
    /// <summary>The payload's name: <c>&lt;c xmlns='http://jabber.org/protocol/caps'/&gt;</c>.</summary>
    public static XName ElementName { get; } = XName.Get("c", DiscoNamespaces.Caps);

    /// <summary>The disco#info node that describes these capabilities: <c>node#ver</c>.</summary>
    public string DiscoNode => $"{Node}#{Ver}";

    /// <summary>Reads a <c>&lt;c/&gt;</c> element; missing attributes read as empty strings.</summary>
    /// <param name="element">The element.</param>
    public static EntityCapabilities FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new EntityCapabilities(
            (string?)element.Attribute("hash") ?? string.Empty,
            (string?)element.Attribute("node") ?? string.Empty,
            (string?)element.Attribute("ver") ?? string.Empty);
    }

    /// <summary>Writes the <c>&lt;c/&gt;</c> element.</summary>
    public XElement ToXElement() =>
        new(ElementName, new XAttribute("hash", Hash), new XAttribute("node", Node), new XAttribute("ver", Ver));
}
