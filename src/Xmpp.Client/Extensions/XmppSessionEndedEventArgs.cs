namespace Xmpp.Client.Extensions;

/// <summary>A session that ended, and whether the client tries to get it back.</summary>
public sealed class XmppSessionEndedEventArgs : EventArgs
{
    internal XmppSessionEndedEventArgs(Exception? error, bool reconnecting)
    {
        Error = error;
        IsReconnecting = reconnecting;
    }

    /// <summary>Why the session ended; <see langword="null"/> when the application closed it.</summary>
    public Exception? Error { get; }

    /// <summary>
    /// Whether the client reconnects; whether the next session resumes this one is known when it starts
    /// (<see cref="XmppSessionStartedEventArgs.IsResumed"/>).
    /// </summary>
    public bool IsReconnecting { get; }
}
