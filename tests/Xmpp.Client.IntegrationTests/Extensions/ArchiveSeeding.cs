using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Fills two accounts' archives with a known conversation, in a known order.</summary>
internal static class ArchiveSeeding
{
    /// <summary>
    /// Sends <paramref name="count"/> chat messages between <paramref name="a"/> and <paramref name="b"/>, in blocks of
    /// <paramref name="block"/> alternating direction; each block is received before the next is sent, so both
    /// archives hold them in the order returned. Bodies are <c>{tag} {index:000}</c>.
    /// </summary>
    /// <returns>(sender bare JID, body) of each message, in archive order.</returns>
    public static async Task<List<(Jid Sender, string Body)>> ConverseAsync(XmppClient a, XmppClient b, string tag, int count, int block = 10)
    {
        var inboxA = new MessageInbox(a);
        var inboxB = new MessageInbox(b);
        var sent = new List<(Jid, string)>(count);
        for (var start = 0; start < count; start += block)
        {
            var fromA = start / block % 2 == 0;
            var (sender, receiver, inbox) = fromA ? (a, b, inboxB) : (b, a, inboxA);
            string? last = null;
            for (var i = start; i < Math.Min(count, start + block); i++)
            {
                last = $"{tag} {i:000}";
                await sender.SendAsync(new Message(receiver.BoundJid!.Value, last));
                sent.Add((sender.BoundJid!.Value.Bare, last));
            }

            await inbox.WaitForBodyAsync(last!, TimeSpan.FromSeconds(30));
        }

        return sent;
    }
}
