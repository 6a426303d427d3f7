namespace Xmpp.Client.Stanzas;

/// <summary>The type of a <see cref="Message"/> (RFC 6121 §5.2.2).</summary>
public enum MessageType
{
    /// <summary>A standalone message, the default when no type is given.</summary>
    Normal = 0,

    /// <summary>A one-to-one conversation.</summary>
    Chat,

    /// <summary>A multi-user chat room message.</summary>
    Groupchat,

    /// <summary>An alert or notification that expects no reply.</summary>
    Headline,

    /// <summary>An error about a message sent earlier.</summary>
    Error,
}
