using Xmpp.Client.Stanzas;

namespace Xmpp.Client;

/// <summary>Describes a change of <see cref="XmppClient.State"/>.</summary>
public sealed class XmppClientStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="previousState">The state before the change.</param>
    /// <param name="state">The state after the change.</param>
    /// <param name="error">Why the change happened, when it was caused by a failure.</param>
    /// <param name="resumed">Whether a reconnection resumed the previous session (XEP-0198).</param>
    /// <param name="undeliveredStanzas">Stanzas the server never acknowledged, when the client stopped for good.</param>
    public XmppClientStateChangedEventArgs(XmppClientState previousState, XmppClientState state, Exception? error,
        bool resumed = false, IReadOnlyList<Stanza>? undeliveredStanzas = null)
    {
        PreviousState = previousState;
        State = state;
        Error = error;
        Resumed = resumed;
        UndeliveredStanzas = undeliveredStanzas ?? [];
    }

    /// <summary>The state before the change.</summary>
    public XmppClientState PreviousState { get; }

    /// <summary>The state after the change.</summary>
    public XmppClientState State { get; }

    /// <summary>
    /// The failure that caused the change (for <see cref="XmppClientState.Reconnecting"/>, why the connection dropped;
    /// for <see cref="XmppClientState.Disconnected"/>, why the client stopped), or <see langword="null"/> when it was asked for.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>
    /// On a change to <see cref="XmppClientState.Connected"/> after a reconnection: <see langword="true"/> when the
    /// previous session was resumed (XEP-0198), so nothing was lost and nothing needs re-syncing.
    /// </summary>
    public bool Resumed { get; }

    /// <summary>
    /// On a change to <see cref="XmppClientState.Disconnected"/>: the stanzas that were sent or queued but never
    /// acknowledged by the server (with stream management), which may not have been delivered. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Stanza> UndeliveredStanzas { get; }
}
