using Xmpp.Client.Stanzas;
using Xmpp.Client.Xml;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>Reads and writes the chat state (XEP-0085) of a message.</summary>
public static class ChatStateExtensions
{
    internal const string Namespace = "http://jabber.org/protocol/chatstates";

    /// <summary>The chat state the message carries, or <see langword="null"/> (none, or an unknown element).</summary>
    /// <param name="message">A message.</param>
    public static ChatState? GetChatState(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var element in message.Element.Elements())
        {
            if (element.Namespace == Namespace && Parse(element.Name) is { } state)
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>Replaces the message's chat state (a message carries at most one), or removes it with <see langword="null"/>.</summary>
    /// <param name="message">A message.</param>
    /// <param name="state">The state.</param>
    public static void SetChatState(this Message message, ChatState? state)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Element.RemoveAll(node => node is XmppElement { Namespace: Namespace });
        if (state is { } value)
        {
            message.Element.Add(new XmppElement(ToName(value), Namespace));
        }
    }

    internal static string ToName(ChatState state) => state switch
    {
        ChatState.Active => "active",
        ChatState.Composing => "composing",
        ChatState.Paused => "paused",
        ChatState.Inactive => "inactive",
        ChatState.Gone => "gone",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a chat state."),
    };

    private static ChatState? Parse(string name) => name switch
    {
        "active" => ChatState.Active,
        "composing" => ChatState.Composing,
        "paused" => ChatState.Paused,
        "inactive" => ChatState.Inactive,
        "gone" => ChatState.Gone,
        _ => null,
    };
}
