namespace Xmpp.Client.Extensions.InBandBytestreams;

/// <summary>
/// An in-band bytestream broke: the peer closed it with an error, sent data out of sequence or larger than agreed,
/// stopped acknowledging, or the session ended. The stream cannot be used further; open a new one to try again.
/// </summary>
public sealed class InBandBytestreamException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InBandBytestreamException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
