using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>Turns a top-level element from the stream into a stanza, or says it is not one.</summary>
internal static class StanzaFactory
{
    /// <summary>The stanza for a top-level element in <c>jabber:client</c>, or <see langword="null"/> for other elements.</summary>
    public static Stanza? FromElement(XmppElement element)
    {
        if (element.Namespace != Namespaces.Client)
        {
            return null;
        }

        return element.Name switch
        {
            "message" => new Message(element),
            "presence" => new Presence(element),
            "iq" => new Iq(element),
            _ => null,
        };
    }
}
