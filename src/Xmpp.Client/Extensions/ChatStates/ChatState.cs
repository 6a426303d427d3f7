namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>A chat partner's involvement in a conversation (XEP-0085 §2).</summary>
public enum ChatState
{
    /// <summary>Taking part in the conversation (<c>&lt;active/&gt;</c>); every message with a body implies it.</summary>
    Active,

    /// <summary>Typing a message (<c>&lt;composing/&gt;</c>).</summary>
    Composing,

    /// <summary>Was typing, has stopped for a short while (<c>&lt;paused/&gt;</c>).</summary>
    Paused,

    /// <summary>Not paying attention to the conversation for a while (<c>&lt;inactive/&gt;</c>).</summary>
    Inactive,

    /// <summary>Has left the conversation, such as by closing its window (<c>&lt;gone/&gt;</c>).</summary>
    Gone,
}
