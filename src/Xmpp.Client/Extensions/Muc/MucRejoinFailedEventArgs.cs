namespace Xmpp.Client.Extensions.Muc;

/// <summary>An automatic rejoin did not work.</summary>
public sealed class MucRejoinFailedEventArgs : EventArgs
{
    internal MucRejoinFailedEventArgs(MucRoom room, Exception error, TimeSpan? retryIn)
    {
        Room = room;
        Error = error;
        RetryIn = retryIn;
    }

    /// <summary>The room.</summary>
    public MucRoom Room { get; }

    /// <summary>
    /// What failed: a <see cref="MucJoinException"/> (its <see cref="MucJoinException.Reason"/> says why, such as
    /// <see cref="MucJoinError.NicknameInUse"/> when someone took the nickname meanwhile), or an
    /// <see cref="XmppTimeoutException"/> when the room did not answer.
    /// </summary>
    public Exception Error { get; }

    /// <summary>When the client tries again, or <see langword="null"/> when it gave up (the refusal will not change by itself: call <see cref="MucRoom.JoinAsync"/>).</summary>
    public TimeSpan? RetryIn { get; }

    /// <summary>Whether the client tries again.</summary>
    public bool WillRetry => RetryIn is not null;
}
