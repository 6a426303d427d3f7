namespace Xmpp.Client.Stanzas;

/// <summary>The availability sub-state of an available <see cref="Presence"/> (RFC 6121 §4.7.2.1).</summary>
public enum PresenceShow
{
    /// <summary>Plainly available (no <c>show</c> element).</summary>
    None = 0,

    /// <summary>Temporarily away.</summary>
    Away,

    /// <summary>Actively interested in chatting.</summary>
    Chat,

    /// <summary>Busy: do not disturb.</summary>
    Dnd,

    /// <summary>Away for an extended period.</summary>
    Xa,
}
