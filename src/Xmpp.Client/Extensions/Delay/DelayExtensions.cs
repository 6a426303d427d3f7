using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Delay;

/// <summary>Reads delayed-delivery stamps (XEP-0203) from messages and presences.</summary>
public static class DelayExtensions
{
    /// <summary>
    /// The delay the stanza carries, or <see langword="null"/> when it has none (or only malformed ones). When several
    /// services stamped it (a room's history, then offline storage), the earliest stamp wins: it is closest to when
    /// the stanza was sent.
    /// </summary>
    /// <param name="stanza">A received message or presence.</param>
    public static Delay? GetDelay(this Stanza stanza)
    {
        ArgumentNullException.ThrowIfNull(stanza);
        Delay? earliest = null;
        if (!stanza.HasPayload(Delay.ElementName))
        {
            return null;
        }

        foreach (var element in stanza.GetPayloads(Delay.ElementName))
        {
            if (Delay.TryRead(element) is { } delay && (earliest is null || delay.Stamp < earliest.Stamp))
            {
                earliest = delay;
            }
        }

        return earliest;
    }
}
