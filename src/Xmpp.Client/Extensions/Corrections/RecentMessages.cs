namespace Xmpp.Client.Extensions.Corrections;

/// <summary>
/// Who sent the recent messages of each conversation, by every id the message is known by (its id, origin-id, the
/// room's stanza-id): bounded by messages per conversation and by conversations (the least recently used goes first).
/// </summary>
internal sealed class RecentMessages
{
    private readonly object _gate = new();
    private readonly int _perConversation;
    private readonly int _conversations;
    private readonly Dictionary<Jid, Conversation> _byConversation = [];
    private readonly LinkedList<Jid> _usage = new();

    public RecentMessages(int perConversation, int conversations)
    {
        _perConversation = perConversation;
        _conversations = conversations;
    }

    /// <summary>Remembers the sender of a message under each of its ids.</summary>
    public void Add(Jid conversation, MessageSender sender, IEnumerable<string?> ids)
    {
        lock (_gate)
        {
            if (!_byConversation.TryGetValue(conversation, out var entry))
            {
                if (_byConversation.Count >= _conversations && _usage.Last is { } oldest)
                {
                    _byConversation.Remove(oldest.Value);
                    _usage.RemoveLast();
                }

                entry = new Conversation(_usage.AddFirst(conversation));
                _byConversation[conversation] = entry;
            }
            else
            {
                _usage.Remove(entry.Node);
                _usage.AddFirst(entry.Node);
            }

            foreach (var id in ids)
            {
                if (string.IsNullOrEmpty(id) || entry.Senders.ContainsKey(id))
                {
                    continue;
                }

                if (entry.Order.Count >= _perConversation)
                {
                    entry.Senders.Remove(entry.Order.Dequeue());
                }

                entry.Senders[id] = sender;
                entry.Order.Enqueue(id);
            }
        }
    }

    /// <summary>The sender of the message known by <paramref name="id"/> in the conversation, if it is remembered.</summary>
    public MessageSender? Find(Jid conversation, string id)
    {
        lock (_gate)
        {
            return _byConversation.TryGetValue(conversation, out var entry) && entry.Senders.TryGetValue(id, out var sender) ? sender : null;
        }
    }

    private sealed class Conversation(LinkedListNode<Jid> node)
    {
        public LinkedListNode<Jid> Node { get; } = node;

        public Dictionary<string, MessageSender> Senders { get; } = new(StringComparer.Ordinal);

        public Queue<string> Order { get; } = new();
    }
}

/// <summary>Who sent a message: a bare JID in a one-to-one chat, an occupant (nick, and occupant-id where given) in a room.</summary>
internal sealed record MessageSender(Jid? Account, string? Nick, string? OccupantId)
{
    /// <summary>
    /// Whether <paramref name="other"/> is the same sender: the same bare JID; in a room the same occupant-id (XEP-0421)
    /// when both have one, else the same nick.
    /// </summary>
    public bool IsSame(MessageSender other)
    {
        if (Account is { } account)
        {
            return other.Account == account;
        }

        if (OccupantId is not null && other.OccupantId is not null)
        {
            return string.Equals(OccupantId, other.OccupantId, StringComparison.Ordinal);
        }

        return Nick is not null && string.Equals(Nick, other.Nick, StringComparison.Ordinal);
    }
}
