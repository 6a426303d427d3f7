using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.SoftwareVersion;

/// <summary>The software an entity runs (XEP-0092): <c>&lt;query xmlns='jabber:iq:version'/&gt;</c>.</summary>
/// <param name="Name">The software's name (empty if the answer left it out).</param>
/// <param name="Version">The software's version (empty if the answer left it out).</param>
/// <param name="OperatingSystem">The operating system, if the entity tells.</param>
public sealed record SoftwareVersionInfo(string Name, string Version, string? OperatingSystem = null) : IXmppPayload<SoftwareVersionInfo>
{
    internal const string Namespace = "jabber:iq:version";

    /// <summary>The payload's name: <c>&lt;query xmlns='jabber:iq:version'/&gt;</c>.</summary>
    public static XName ElementName { get; } = XName.Get("query", Namespace);

    /// <summary>Reads a <c>jabber:iq:version</c> query.</summary>
    /// <param name="element">The query element.</param>
    public static SoftwareVersionInfo FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        XNamespace ns = Namespace;
        return new SoftwareVersionInfo(
            (string?)element.Element(ns + "name") ?? string.Empty,
            (string?)element.Element(ns + "version") ?? string.Empty,
            (string?)element.Element(ns + "os"));
    }

    /// <summary>Writes the query with name, version and (when set) os.</summary>
    public XElement ToXElement()
    {
        XNamespace ns = Namespace;
        return new XElement(
            ElementName,
            new XElement(ns + "name", Name),
            new XElement(ns + "version", Version),
            OperatingSystem is null ? null : new XElement(ns + "os", OperatingSystem));
    }
}
