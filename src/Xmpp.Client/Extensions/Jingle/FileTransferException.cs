namespace Xmpp.Client.Extensions.Jingle;

/// <summary>A file transfer failed: <see cref="Failure"/> says how (declined, cancelled, wrong hash …).</summary>
public sealed class FileTransferException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">How it failed.</param>
    /// <param name="message">What happened, and what to do.</param>
    /// <param name="peerReason">The reason the peer gave, when it ended the session.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FileTransferException(FileTransferFailure failure, string message, JingleReason? peerReason = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        PeerReason = peerReason;
    }

    /// <summary>How it failed.</summary>
    public FileTransferFailure Failure { get; }

    /// <summary>The reason the peer gave in its <c>session-terminate</c>, or <see langword="null"/> when it did not end the session.</summary>
    public JingleReason? PeerReason { get; }
}
