namespace Xmpp.Client.Extensions;

/// <summary>How an IQ handler runs relative to the client's other handlers and events.</summary>
public enum IqHandlerMode
{
    /// <summary>
    /// Like the application's events: one at a time by default, side by side once they await when
    /// <see cref="XmppClientOptions.MaxConcurrentEventHandlers"/> allows it.
    /// </summary>
    Concurrent,

    /// <summary>
    /// Always awaited in place, in stream order, also when application handlers run side by side: for handlers that
    /// keep state in the order the server sent it (roster and block-list pushes). Keep them short.
    /// </summary>
    Sequential,
}
