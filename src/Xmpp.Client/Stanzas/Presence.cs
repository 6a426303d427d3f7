using System.Globalization;
using Xmpp.Client.Internal;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Stanzas;

/// <summary>
/// A <c>&lt;presence/&gt;</c> stanza (RFC 6121 §4): availability broadcast to subscribers, or a subscription request
/// or answer.
/// </summary>
public sealed class Presence : Stanza
{
    /// <summary>Creates a presence of the given type (available by default).</summary>
    /// <param name="type">The type.</param>
    public Presence(PresenceType type = PresenceType.Available)
        : base(new XmppElement("presence", Namespaces.Client))
    {
        Type = type;
    }

    internal Presence(XmppElement element)
        : base(element)
    {
    }

    /// <summary>The presence's type.</summary>
    public PresenceType Type
    {
        get => Element.GetAttribute("type") switch
        {
            null => PresenceType.Available,
            "unavailable" => PresenceType.Unavailable,
            "subscribe" => PresenceType.Subscribe,
            "subscribed" => PresenceType.Subscribed,
            "unsubscribe" => PresenceType.Unsubscribe,
            "unsubscribed" => PresenceType.Unsubscribed,
            "probe" => PresenceType.Probe,
            _ => PresenceType.Error,
        };
        set => Element.SetAttribute("type", value switch
        {
            PresenceType.Available => null,
            PresenceType.Unavailable => "unavailable",
            PresenceType.Subscribe => "subscribe",
            PresenceType.Subscribed => "subscribed",
            PresenceType.Unsubscribe => "unsubscribe",
            PresenceType.Unsubscribed => "unsubscribed",
            PresenceType.Probe => "probe",
            PresenceType.Error => "error",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a presence type."),
        });
    }

    /// <summary>The availability sub-state (<c>&lt;show/&gt;</c>).</summary>
    public PresenceShow Show
    {
        get => GetChildText("show") switch
        {
            "away" => PresenceShow.Away,
            "chat" => PresenceShow.Chat,
            "dnd" => PresenceShow.Dnd,
            "xa" => PresenceShow.Xa,
            _ => PresenceShow.None,
        };
        set => SetChildText("show", value switch
        {
            PresenceShow.None => null,
            PresenceShow.Away => "away",
            PresenceShow.Chat => "chat",
            PresenceShow.Dnd => "dnd",
            PresenceShow.Xa => "xa",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a presence show value."),
        });
    }

    /// <summary>A free-text status, if any.</summary>
    public string? Status
    {
        get => GetChildText("status");
        set => SetChildText("status", value);
    }

    /// <summary>The priority of this resource, -128 to 127 (0 when absent or invalid).</summary>
    public sbyte Priority
    {
        // An xs:byte (RFC 6121 §4.7.2.3): optional sign, ASCII digits, surrounding whitespace collapsed.
        get => sbyte.TryParse(GetChildText("priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (sbyte)0;
        set => SetChildText("priority", value == 0 ? null : value.ToString(CultureInfo.InvariantCulture));
    }
}
