namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>
/// A peer asks to open an in-band bytestream (XEP-0047 §2.1): call <see cref="Accept"/> from a
/// <see cref="InBandBytestreamsExtension.StreamRequested"/> handler to take it, or let it be refused
/// (<c>not-acceptable</c>) by not accepting.
/// </summary>
public sealed class InBandStreamRequest
{
    private readonly Func<InBandStream> _accept;
    private InBandStream? _stream;

    internal InBandStreamRequest(Jid from, string sid, int blockSize, Func<InBandStream> accept)
    {
        From = from;
        Sid = sid;
        BlockSize = blockSize;
        _accept = accept;
    }

    /// <summary>Who asks.</summary>
    public Jid From { get; }

    /// <summary>The stream's session id.</summary>
    public string Sid { get; }

    /// <summary>The block size asked for (within <see cref="InBandBytestreamOptions.MaxBlockSize"/>, or it would have been refused).</summary>
    public int BlockSize { get; }

    /// <summary>Whether a handler accepted it.</summary>
    public bool IsAccepted => _stream is not null;

    /// <summary>
    /// Accepts the stream: it is open when the handler returns (the peer is told then). Read it from a task of its
    /// own, not in the handler. Accepting again returns the same stream.
    /// </summary>
    /// <returns>The stream.</returns>
    public InBandStream Accept() => _stream ??= _accept();
}
