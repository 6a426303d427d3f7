using System.Collections.Concurrent;

namespace Xmpp.Client.Extensions.Receipts;

/// <summary>
/// The clients (full JIDs) whose messages showed that they support receipts: a message with a request or with a
/// receipt (XEP-0184 §5: a sender that knows a full JID SHOULD know the client supports receipts before requesting
/// one). Bounded: past <see cref="MaxClients"/> it starts over, which costs the requests to those clients until they
/// show their support again.
/// </summary>
internal sealed class ReceiptSupport
{
    /// <summary>How many clients are remembered before the table starts over.</summary>
    public const int MaxClients = 4096;

    private readonly ConcurrentDictionary<Jid, byte> _supporting = new(SmallMaps.ConcurrencyLevel, SmallMaps.Capacity);

    /// <summary>Records that a message from <paramref name="from"/> carried a request or a receipt.</summary>
    public void Observe(Jid from)
    {
        if (from.IsBare || _supporting.ContainsKey(from))
        {
            return;
        }

        if (_supporting.Count >= MaxClients)
        {
            _supporting.Clear();
        }

        _supporting[from] = 0;
    }

    /// <summary>Whether a message from <paramref name="client"/> showed support for receipts.</summary>
    public bool Showed(Jid client) => _supporting.ContainsKey(client);
}
