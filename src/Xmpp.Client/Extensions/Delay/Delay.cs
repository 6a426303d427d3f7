using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Delay;

/// <summary>
/// Delayed delivery (XEP-0203): when a stanza was originally sent, stamped by the server or service that held it back
/// (offline storage, a chat room's history, a contact's last presence). Read it with <see cref="DelayExtensions.GetDelay"/>.
/// </summary>
/// <remarks>
/// The stamp is information, not proof: any sender can put a <c>&lt;delay/&gt;</c> in its own stanzas, so don't use it
/// for ordering that matters for security. Only the server's or room's stamp (<see cref="From"/>) tells where it came from.
/// </remarks>
/// <param name="Stamp">When the stanza was originally sent (always in UTC).</param>
/// <param name="From">Who sent the stanza originally or delayed it (a server, a room), if given.</param>
/// <param name="Reason">A human-readable reason for the delay, such as <c>Offline Storage</c>, if given.</param>
public sealed record Delay(DateTimeOffset Stamp, Jid? From = null, string? Reason = null) : IXmppPayload<Delay>
{
    internal const string Namespace = "urn:xmpp:delay";

    private readonly DateTimeOffset _stamp = Stamp.ToUniversalTime();

    /// <summary>When the stanza was originally sent, in UTC (a value in another offset is converted).</summary>
    public DateTimeOffset Stamp
    {
        get => _stamp;
        init => _stamp = value.ToUniversalTime();
    }

    /// <summary>The element this class reads and writes: <c>&lt;delay xmlns='urn:xmpp:delay'/&gt;</c>.</summary>
    public static XName ElementName { get; } = XName.Get("delay", Namespace);

    /// <summary>Reads a <c>&lt;delay/&gt;</c> element.</summary>
    /// <param name="element">The element.</param>
    /// <exception cref="FormatException">The stamp is missing or not a XEP-0082 date and time with a time zone.</exception>
    public static Delay FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return TryRead(element.Attribute("stamp")?.Value, element.Attribute("from")?.Value, element.Value)
            ?? throw new FormatException($"<delay/> needs a stamp in the XEP-0082 format (such as 2002-09-10T23:08:25Z), not '{element.Attribute("stamp")?.Value}'.");
    }

    /// <summary>Writes the payload; the stamp in UTC.</summary>
    public XElement ToXElement()
    {
        var element = new XElement(ElementName, new XAttribute("stamp", XmppDateTime.Format(Stamp)));
        if (From is { } from)
        {
            element.Add(new XAttribute("from", from.ToString()));
        }

        if (Reason is not null)
        {
            element.Add(Reason);
        }

        return element;
    }

    /// <summary>Reads the element without copying it; <see langword="null"/> when its stamp is missing or malformed.</summary>
    internal static Delay? TryRead(XElement element) =>
        TryRead((string?)element.Attribute("stamp"), (string?)element.Attribute("from"), element.Value);

    private static Delay? TryRead(string? stamp, string? from, string text)
    {
        if (stamp is null || !XmppDateTime.TryParse(stamp, out var moment))
        {
            return null;
        }

        var reason = text.Trim();
        return new Delay(moment, Jid.TryParse(from, out var jid) ? jid : null, reason.Length == 0 ? null : reason);
    }
}
