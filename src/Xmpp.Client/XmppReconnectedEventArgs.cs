namespace Xmpp.Client;

/// <summary>Describes a reconnection the client made by itself (<see cref="XmppClient.Reconnected"/>).</summary>
public sealed class XmppReconnectedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="resumed">Whether the previous session was resumed.</param>
    /// <param name="attempts">How many attempts it took.</param>
    /// <param name="resentStanzas">How many stanzas were sent again or sent from the queue.</param>
    /// <param name="cause">Why the connection had dropped.</param>
    public XmppReconnectedEventArgs(bool resumed, int attempts, int resentStanzas, Exception cause)
    {
        Resumed = resumed;
        Attempts = attempts;
        ResentStanzas = resentStanzas;
        Cause = cause;
    }

    /// <summary>
    /// <see langword="true"/> when the server resumed the previous session (XEP-0198): no stanza was lost either way
    /// and nothing needs re-syncing. <see langword="false"/> when a new session had to be started: presence was sent
    /// again by the client, but roster, rooms and other server-side state should be re-fetched by the application.
    /// </summary>
    public bool Resumed { get; }

    /// <summary>How many connection attempts it took (1 when the first succeeded).</summary>
    public int Attempts { get; }

    /// <summary>How many stanzas were written after reconnecting: unacknowledged ones sent again, and those queued meanwhile.</summary>
    public int ResentStanzas { get; }

    /// <summary>Why the connection had dropped.</summary>
    public Exception Cause { get; }
}
