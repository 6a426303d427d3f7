namespace Xmpp.Client.Extensions.Jingle;

/// <summary>How a file transfer failed (<see cref="FileTransferException.Failure"/>).</summary>
public enum FileTransferFailure
{
    /// <summary>The peer declined the offer, or refused it as too large (<c>decline</c>).</summary>
    Declined,

    /// <summary>The peer cancelled the transfer (<c>cancel</c>).</summary>
    CancelledByPeer,

    /// <summary>The received content did not match the offered hash (<c>media-error</c>, sent or received).</summary>
    HashMismatch,

    /// <summary>The received content was not of the offered size.</summary>
    SizeMismatch,

    /// <summary>The in-band bytestream could not be opened or broke (<c>failed-transport</c>).</summary>
    TransportFailed,

    /// <summary>The peer did not accept, send or confirm in time.</summary>
    Timeout,

    /// <summary>The peer refused the offer with an IQ error (it does not support Jingle file transfer, is offline, or has too many sessions).</summary>
    Refused,

    /// <summary>The peer ended the session for another reason (see <see cref="FileTransferException.PeerReason"/>).</summary>
    PeerError,

    /// <summary>The client's session ended (a reconnection that was not a resumption, or disposal).</summary>
    SessionEnded,
}
