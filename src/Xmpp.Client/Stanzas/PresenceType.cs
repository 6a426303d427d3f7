namespace Xmpp.Client.Stanzas;

/// <summary>The type of a <see cref="Presence"/> (RFC 6121 §4.7.1).</summary>
public enum PresenceType
{
    /// <summary>The sender is available (no <c>type</c> attribute).</summary>
    Available = 0,

    /// <summary>The sender is no longer available.</summary>
    Unavailable,

    /// <summary>The sender asks to subscribe to the recipient's presence.</summary>
    Subscribe,

    /// <summary>The sender allows the recipient to receive its presence.</summary>
    Subscribed,

    /// <summary>The sender unsubscribes from the recipient's presence.</summary>
    Unsubscribe,

    /// <summary>The sender denies or cancels the recipient's subscription.</summary>
    Unsubscribed,

    /// <summary>A request for the current presence (sent by servers).</summary>
    Probe,

    /// <summary>An error about a presence sent earlier.</summary>
    Error,
}
