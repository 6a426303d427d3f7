using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Pep;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Tests.Extensions.Pep;

/// <summary>What the PEP and bookmarks tests share: the extension set, names, and reading what the client sent.</summary>
internal static class PepScript
{
    public const string PubSub = "http://jabber.org/protocol/pubsub";
    public const string Event = PubSub + "#event";

    public static readonly XNamespace Ps = PubSub;
    public static readonly XNamespace Owner = PubSub + "#owner";
    public static readonly XNamespace X = "jabber:x:data";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static XmppExtensionSet PepOnly => XmppExtensionSet.Empty.Add<PepExtension>();

    public static PepExtension Pep(this XmppClient client) => client.GetExtension<PepExtension>();

    /// <summary>The element as an <see cref="XElement"/>, for LINQ to XML assertions.</summary>
    public static XElement ToX(this XmppElement element) => XElement.Parse(element.ToString());

    /// <summary>The values of a data form's fields, by var.</summary>
    public static Dictionary<string, string> FieldValues(XElement form) =>
        form.Elements(X + "field").ToDictionary(field => (string)field.Attribute("var")!, field => string.Join(",", field.Elements(X + "value").Select(v => v.Value)));

    /// <summary>A pubsub event message for <paramref name="node"/> holding <paramref name="content"/>.</summary>
    public static string EventMessage(string from, string node, string content, string id = "e1") =>
        $"<message{from} id='{id}' type='headline'><event xmlns='{Event}'><items node='{node}'>{content}</items></event></message>";
}
