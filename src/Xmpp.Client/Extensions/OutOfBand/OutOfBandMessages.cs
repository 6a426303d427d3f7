using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.OutOfBand;

/// <summary>Reads the out of band links (XEP-0066) a message carries.</summary>
public static class OutOfBandMessages
{
    /// <summary>The most links read from one message.</summary>
    public const int MaxLinks = 16;

    /// <summary>
    /// The links of the message's <c>&lt;x xmlns='jabber:x:oob'/&gt;</c> elements, in order: a file shared by HTTP upload
    /// (XEP-0363) arrives as its GET URL here (and usually as the body too). Elements that cannot be read (no URL, not an
    /// absolute URI) are skipped; at most <see cref="MaxLinks"/> are read. The scheme is whatever the sender chose: check
    /// it (<c>https</c>) before fetching anything.
    /// </summary>
    /// <param name="message">A received message.</param>
    /// <returns>The links; empty when it carries none.</returns>
    public static IReadOnlyList<OutOfBandData> GetOutOfBandData(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.HasPayload(OutOfBandData.ElementName))
        {
            return [];
        }

        var links = new List<OutOfBandData>();
        foreach (var element in message.GetPayloads(OutOfBandData.ElementName).Take(MaxLinks))
        {
            if (OutOfBandData.TryRead(element, out _) is { } link)
            {
                links.Add(link);
            }
        }

        return links;
    }
}
