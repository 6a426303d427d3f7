using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Disco;

/// <summary>
/// What an entity says about itself in a disco#info answer (XEP-0030 §3): its identities, the features it supports,
/// and extended information as data forms (XEP-0128).
/// </summary>
/// <remarks>Lists keep the order and any duplicates of the answer, so entity capabilities can be checked exactly.</remarks>
public sealed class DiscoInfo : IXmppPayload<DiscoInfo>
{
    private readonly HashSet<string> _featureSet;

    /// <summary>Creates the information.</summary>
    /// <param name="identities">The identities.</param>
    /// <param name="features">The feature namespaces, such as <c>urn:xmpp:ping</c>.</param>
    /// <param name="forms">Extended information: <c>&lt;x xmlns='jabber:x:data'/&gt;</c> forms (copied).</param>
    /// <param name="node">The node the information is about, or <see langword="null"/> for the entity itself.</param>
    public DiscoInfo(IEnumerable<DiscoIdentity> identities, IEnumerable<string> features, IEnumerable<XElement>? forms = null, string? node = null)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(features);
        Identities = [.. identities];
        Features = [.. features];
        Forms = forms is null ? [] : [.. forms.Select(form => new XElement(form))];
        Node = node;
        _featureSet = new HashSet<string>(Features, StringComparer.Ordinal);
    }

    /// <summary>The payload's name: <c>&lt;query xmlns='http://jabber.org/protocol/disco#info'/&gt;</c>.</summary>
    public static XName ElementName { get; } = XName.Get("query", DiscoNamespaces.Info);

    /// <summary>The node the information is about, or <see langword="null"/> for the entity itself.</summary>
    public string? Node { get; }

    /// <summary>The entity's identities, in the order given.</summary>
    public IReadOnlyList<DiscoIdentity> Identities { get; }

    /// <summary>The features the entity supports, in the order given.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>Extended information (XEP-0128): the <c>jabber:x:data</c> forms of the answer. Treat them as read-only:
    /// the same instance may be shared by every entity with the same capabilities.</summary>
    public IReadOnlyList<XElement> Forms { get; }

    /// <summary>Whether the entity supports the feature.</summary>
    /// <param name="feature">A feature namespace, such as <c>urn:xmpp:ping</c>.</param>
    public bool HasFeature(string feature) => _featureSet.Contains(feature);

    /// <summary>Whether the entity has an identity of the category and type.</summary>
    /// <param name="category">The category, such as <c>server</c>.</param>
    /// <param name="type">The type, such as <c>im</c>.</param>
    public bool HasIdentity(string category, string type) =>
        Identities.Any(identity => identity.Category == category && identity.Type == type);

    /// <summary>Reads a disco#info <c>&lt;query/&gt;</c>. Missing category or type attributes read as empty strings;
    /// features without a <c>var</c> are skipped.</summary>
    /// <param name="element">The query element.</param>
    public static DiscoInfo FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        XNamespace ns = DiscoNamespaces.Info;
        var identities = element.Elements(ns + "identity").Select(identity => new DiscoIdentity(
            (string?)identity.Attribute("category") ?? string.Empty,
            (string?)identity.Attribute("type") ?? string.Empty,
            (string?)identity.Attribute("name"),
            (string?)identity.Attribute(XNamespace.Xml + "lang")));
        var features = element.Elements(ns + "feature")
            .Select(feature => (string?)feature.Attribute("var"))
            .OfType<string>();
        var forms = element.Elements(XName.Get("x", DiscoNamespaces.DataForms));
        return new DiscoInfo(identities, features, forms, (string?)element.Attribute("node"));
    }

    /// <summary>Writes the information as a disco#info <c>&lt;query/&gt;</c>.</summary>
    public XElement ToXElement()
    {
        XNamespace ns = DiscoNamespaces.Info;
        return new XElement(
            ElementName,
            Node is null ? null : new XAttribute("node", Node),
            Identities.Select(identity => new XElement(
                ns + "identity",
                new XAttribute("category", identity.Category),
                new XAttribute("type", identity.Type),
                identity.Name is null ? null : new XAttribute("name", identity.Name),
                identity.Language is null ? null : new XAttribute(XNamespace.Xml + "lang", identity.Language))),
            Features.Select(feature => new XElement(ns + "feature", new XAttribute("var", feature))),
            Forms.Select(form => new XElement(form)));
    }

    /// <summary>The same information about another node (the caps node, when answering a caps query).</summary>
    internal DiscoInfo WithNode(string? node) => new(Identities, Features, Forms, node);
}
