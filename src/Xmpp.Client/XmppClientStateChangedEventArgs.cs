namespace Xmpp.Client;

/// <summary>Describes a change of <see cref="XmppClient.State"/>.</summary>
public sealed class XmppClientStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="previousState">The state before the change.</param>
    /// <param name="state">The state after the change.</param>
    /// <param name="error">Why the change happened, when it was caused by a failure.</param>
    public XmppClientStateChangedEventArgs(XmppClientState previousState, XmppClientState state, Exception? error)
    {
        PreviousState = previousState;
        State = state;
        Error = error;
    }

    /// <summary>The state before the change.</summary>
    public XmppClientState PreviousState { get; }

    /// <summary>The state after the change.</summary>
    public XmppClientState State { get; }

    /// <summary>The failure that caused the change, or <see langword="null"/> when it was asked for.</summary>
    public Exception? Error { get; }
}
