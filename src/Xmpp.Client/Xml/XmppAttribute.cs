namespace Xmpp.Client.Xml;

/// <summary>An attribute of an <see cref="XmppElement"/>.</summary>
/// <param name="Name">The local name.</param>
/// <param name="Namespace">The namespace name: <c>""</c> for an unprefixed attribute, <see cref="XmlNamespaces.Xml"/> for <c>xml:lang</c>.</param>
/// <param name="Value">The normalised value (entities and character references decoded).</param>
internal readonly record struct XmppAttribute(string Name, string Namespace, string Value);
