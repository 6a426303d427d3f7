using System.Globalization;
using System.Xml.Linq;
using Xmpp.Client;
using Xmpp.Client.Stanzas;

namespace PackageTests;

/// <summary>
/// <c>&lt;query xmlns='urn:example:stats' answered='3' uptime='42'/&gt;</c>: a request carries no attribute, the
/// answer both. <see cref="FromXElement"/> throws on an attribute that is not a number, so the client answers such a
/// request <c>bad-request</c> before the handler runs.
/// </summary>
public sealed record StatsQuery(int? Answered = null, int? UptimeSeconds = null) : IXmppPayload<StatsQuery>
{
    public static XName ElementName { get; } = XName.Get("query", StatsExtension.Namespace);

    public static StatsQuery FromXElement(XElement element) => new(Number(element, "answered"), Number(element, "uptime"));

    public XElement ToXElement() => new(
        ElementName,
        Answered is { } answered ? new XAttribute("answered", answered) : null,
        UptimeSeconds is { } uptime ? new XAttribute("uptime", uptime) : null);

    private static int? Number(XElement element, string attribute) =>
        element.Attribute(attribute) is { } value
            ? int.Parse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture) // FormatException: not ours to answer
            : null;
}

/// <summary>A user mood (XEP-0107): <c>&lt;mood xmlns='http://jabber.org/protocol/mood'&gt;&lt;happy/&gt;&lt;/mood&gt;</c>.</summary>
public sealed record Mood(string Value) : IXmppPayload<Mood>
{
    public static XName ElementName { get; } = XName.Get("mood", "http://jabber.org/protocol/mood");

    public static Mood FromXElement(XElement element) =>
        new(element.Elements().FirstOrDefault(child => child.Name.LocalName != "text")?.Name.LocalName
            ?? throw new FormatException("A <mood/> names a mood."));

    public XElement ToXElement() => new(ElementName, new XElement(ElementName.Namespace + Value));
}

/// <summary>What <see cref="StatsExtension.MoodReceived"/> tells: who is in which mood, and the message that said it.</summary>
public sealed class MoodReceivedEventArgs(Jid from, Mood mood, Message message) : EventArgs
{
    public Jid From { get; } = from;

    public Mood Mood { get; } = mood;

    public Message Message { get; } = message;
}
