using System.Xml.Linq;

namespace Xmpp.Client.Stanzas;

/// <summary>
/// Implement this on your own class to read and write an extension element as a typed object with
/// <see cref="Stanza.GetPayload{T}"/> and <see cref="Stanza.AddPayload{T}(T)"/>. The element name is the
/// registration: no other set-up is needed.
/// </summary>
/// <typeparam name="TSelf">The implementing class.</typeparam>
/// <example>
/// <code>
/// sealed record Mood(string Value) : IXmppPayload&lt;Mood&gt;
/// {
///     public static XName ElementName { get; } = XName.Get("mood", "http://jabber.org/protocol/mood");
///     public static Mood FromXElement(XElement element) =&gt; new(element.Elements().First().Name.LocalName);
///     public XElement ToXElement() =&gt; new(ElementName, new XElement(ElementName.Namespace + Value));
/// }
/// </code>
/// </example>
public interface IXmppPayload<TSelf>
    where TSelf : IXmppPayload<TSelf>
{
    /// <summary>The qualified name of the element this class reads and writes.</summary>
    static abstract XName ElementName { get; }

    /// <summary>Reads the payload from its element (whose name is <see cref="ElementName"/>).</summary>
    /// <param name="element">The element.</param>
    static abstract TSelf FromXElement(XElement element);

    /// <summary>Writes the payload as an element named <see cref="ElementName"/>.</summary>
    XElement ToXElement();
}
