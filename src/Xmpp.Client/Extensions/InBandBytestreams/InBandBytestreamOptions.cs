namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>The limits of in-band bytestreams (XEP-0047); every one bounds what a peer can make the client hold.</summary>
public sealed record InBandBytestreamOptions
{
    /// <summary>The block size this client asks for when it opens a stream: 4096 bytes by default (XEP-0047 §2.1).</summary>
    public int BlockSize { get; init; } = 4096;

    /// <summary>
    /// The largest block size a peer may open a stream with; larger is refused with <c>resource-constraint</c>
    /// (XEP-0047 §2.1), so the peer may retry smaller. 16384 bytes by default; at most 65535.
    /// </summary>
    public int MaxBlockSize { get; init; } = 16384;

    /// <summary>
    /// How many received blocks a stream holds for its reader before the client stops acknowledging data (the peer
    /// then waits, XEP-0047 §2.2 flow control). 16 by default.
    /// </summary>
    public int ReceiveWindow { get; init; } = 16;

    /// <summary>How many streams may be open at once (both directions together); more opens are refused. 16 by default.</summary>
    public int MaxStreams { get; init; } = 16;

    /// <summary>
    /// How long a full receive buffer may wait for its reader before the stream is closed as stalled. While it waits,
    /// the client's event handling waits too (with <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> at 1),
    /// so read promptly. One minute by default.
    /// </summary>
    public TimeSpan ReadStallTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the values.</summary>
    internal InBandBytestreamOptions Validated()
    {
        Check(BlockSize is >= 1 and <= ushort.MaxValue, nameof(BlockSize), "from 1 to 65535");
        Check(MaxBlockSize is >= 1 and <= ushort.MaxValue, nameof(MaxBlockSize), "from 1 to 65535");
        Check(ReceiveWindow is >= 1 and <= 1024, nameof(ReceiveWindow), "from 1 to 1024");
        Check(MaxStreams is >= 1 and <= 10_000, nameof(MaxStreams), "from 1 to 10000");
        Check(ReadStallTimeout > TimeSpan.Zero, nameof(ReadStallTimeout), "positive");
        return this;
    }

    private static void Check(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, $"InBandBytestreamOptions.{name} must be {range}.");
        }
    }
}
