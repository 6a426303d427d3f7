using System.Xml.Linq;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>Reads and writes the chat state (XEP-0085) of a message.</summary>
public static class ChatStateExtensions
{
    internal const string Namespace = "http://jabber.org/protocol/chatstates";

    /// <summary>The payload names of the states, indexed by <see cref="ChatState"/>.</summary>
    internal static readonly XName[] Names =
    [
        XName.Get("active", Namespace),
        XName.Get("composing", Namespace),
        XName.Get("paused", Namespace),
        XName.Get("inactive", Namespace),
        XName.Get("gone", Namespace),
    ];

    /// <summary>The chat state the message carries, or <see langword="null"/> (none, or an unknown element).</summary>
    /// <param name="message">A message.</param>
    public static ChatState? GetChatState(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var i = 0; i < Names.Length; i++)
        {
            if (message.HasPayload(Names[i]))
            {
                return (ChatState)i;
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
        foreach (var name in Names)
        {
            message.RemovePayloads(name);
        }

        if (state is { } value)
        {
            message.AddPayload(ToName(value));
        }
    }

    internal static XName ToName(ChatState state) =>
        (uint)state < (uint)Names.Length ? Names[(int)state] : throw new ArgumentOutOfRangeException(nameof(state), state, "Not a chat state.");
}
