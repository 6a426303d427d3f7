namespace Xmpp.Client;

/// <summary>
/// The connection to the server closed without the stream being closed first: the network failed, or the server
/// dropped the connection. Connect again; nothing sent after the last acknowledged stanza is known to have arrived.
/// </summary>
public sealed class XmppConnectionLostException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">When the connection was lost.</param>
    /// <param name="innerException">The underlying I/O failure, if any.</param>
    public XmppConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
