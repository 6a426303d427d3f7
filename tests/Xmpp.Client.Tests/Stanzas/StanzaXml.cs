using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Stanzas;

/// <summary>Builds stanzas from XML text, the way the session does after the reader has parsed them.</summary>
internal static class StanzaXml
{
    public const string ClientUri = "jabber:client";
    public const string StanzasUri = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static readonly XNamespace ClientNs = ClientUri;
    public static readonly XNamespace StanzasNs = StanzasUri;
    public static readonly XNamespace XmlNs = XNamespace.Xml;

    /// <summary>The tree for <paramref name="xml"/>; the root declares <c>jabber:client</c> unless it says otherwise.</summary>
    public static XmppElement Tree(string xml)
    {
        XElement element = XElement.Parse(xml);
        if (element.Name.NamespaceName.Length == 0)
        {
            element = XElement.Parse(xml.Insert(xml.IndexOfAny([' ', '/', '>']), " xmlns='jabber:client'"));
        }

        return XmppElement.FromXElement(element);
    }

    /// <summary>The stanza for <paramref name="xml"/>, as <see cref="StanzaFactory"/> makes it.</summary>
    public static T Parse<T>(string xml)
        where T : Stanza
    {
        Stanza? stanza = StanzaFactory.FromElement(Tree(xml));
        return Assert.IsType<T>(stanza);
    }

    /// <summary>Asserts that two elements have the same names, attributes and text, whatever namespace declarations they carry.</summary>
    public static void SameXml(XElement expected, XElement? actual)
    {
        Assert.NotNull(actual);
        Assert.True(XNode.DeepEquals(WithoutDeclarations(expected), WithoutDeclarations(actual)), $"expected {expected}\nactual   {actual}");
    }

    /// <summary>The child elements of the stanza in <c>jabber:client</c> with the given name.</summary>
    public static XElement[] Core(Stanza stanza, string name) => stanza.ToXElement().Elements(ClientNs + name).ToArray();

    private static XElement WithoutDeclarations(XElement element)
    {
        var copy = new XElement(element);
        foreach (XElement e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        }

        return copy;
    }
}
