using System.Collections.Concurrent;

namespace Xmpp.Client.Extensions.ChatStates;

/// <summary>
/// What conversation partners showed about chat states (XEP-0085 §5.1), by the full JID their messages came from: a
/// content message without a chat state means "no", any chat state means "yes". Bounded: past
/// <see cref="MaxPartners"/> it starts over, which only costs one <c>&lt;active/&gt;</c> per partner to learn again.
/// </summary>
internal sealed class ChatStateSupport
{
    /// <summary>How many partners are remembered before the table starts over.</summary>
    public const int MaxPartners = 4096;

    private readonly ConcurrentDictionary<Jid, bool> _supports = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);

    /// <summary>Records what a message of type chat from <paramref name="from"/> showed, if it showed anything.</summary>
    public void Observe(Jid from, bool hasBody, bool hasChatState)
    {
        if (!hasBody && !hasChatState)
        {
            return;
        }

        if (_supports.Count >= MaxPartners && !_supports.ContainsKey(from))
        {
            _supports.Clear();
        }

        _supports[from] = hasChatState;
    }

    /// <summary>
    /// Whether chat states may be sent to <paramref name="to"/>: not once its last content message came without one
    /// (§5.1: "the User MUST NOT send subsequent chat state notifications"); while unknown, yes.
    /// </summary>
    public bool MaySend(Jid to) => !_supports.TryGetValue(to, out var supports) || supports;

    public void Clear() => _supports.Clear();
}
