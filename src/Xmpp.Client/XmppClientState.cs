namespace Xmpp.Client;

/// <summary>The lifecycle of an <see cref="XmppClient"/>.</summary>
public enum XmppClientState
{
    /// <summary>Not connected: before <see cref="XmppClient.ConnectAsync"/>, after a disconnect, or after a failure.</summary>
    Disconnected = 0,

    /// <summary>Resolving, connecting, encrypting, authenticating and binding a resource.</summary>
    Connecting,

    /// <summary>The session is bound: stanzas can be sent and are being received.</summary>
    Connected,

    /// <summary>Closing the stream politely.</summary>
    Disconnecting,

    /// <summary>
    /// The connection dropped and the client is reconnecting by itself (<see cref="XmppClientOptions.AutoReconnect"/>);
    /// stanzas sent meanwhile are queued. Ends in <see cref="Connected"/> or, if it gives up, <see cref="Disconnected"/>.
    /// </summary>
    Reconnecting,
}
