namespace Xmpp.Client.Xml;

/// <summary>
/// One spare pair of arrays for a parser's next <see cref="ParsedStanza"/>: a stanza gives its arrays back once every
/// one of its elements has read what it needs from them (usually right after its handlers ran), so a connection whose
/// stanzas are read reuses the same two arrays instead of allocating them per stanza. A stanza nobody reads whole
/// never gives them back and is collected as usual. Thread-safe: stanzas are read on any thread.
/// </summary>
internal sealed class StanzaBuffers
{
    /// <summary>Arrays larger than this are not kept (a rare large stanza should not pin its memory).</summary>
    private const int MaxKeptNodes = 1024;
    private const int MaxKeptBytes = 16 * 1024;

    private StanzaNode[]? _nodes;
    private byte[]? _bytes;

    /// <summary>The spare node array if it holds <paramref name="count"/> nodes, else a new exactly sized one.</summary>
    public StanzaNode[] RentNodes(int count) => Rent(ref _nodes, count);

    /// <summary>The spare byte array if it holds <paramref name="count"/> bytes, else a new exactly sized one.</summary>
    public byte[] RentBytes(int count) => Rent(ref _bytes, count);

    private static T[] Rent<T>(ref T[]? slot, int count) =>
        Volatile.Read(ref slot) is { } spare && spare.Length >= count && ReferenceEquals(Interlocked.CompareExchange(ref slot, null, spare), spare)
            ? spare
            : new T[count];

    /// <summary>Drops the spare arrays (an idle connection); stanzas that give theirs back later refill them.</summary>
    public void Release()
    {
        Volatile.Write(ref _nodes, null);
        Volatile.Write(ref _bytes, null);
    }

    /// <summary>Takes back a stanza's arrays; nothing may read them any more.</summary>
    public void Return(StanzaNode[] nodes, byte[] bytes)
    {
        if (nodes.Length <= MaxKeptNodes)
        {
            Volatile.Write(ref _nodes, nodes);
        }

        if (bytes.Length <= MaxKeptBytes)
        {
            Volatile.Write(ref _bytes, bytes);
        }
    }
}
