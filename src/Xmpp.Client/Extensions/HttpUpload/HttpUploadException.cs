namespace Xmpp.Client.Extensions.HttpUpload;

/// <summary>
/// An HTTP upload (XEP-0363) failed. The subclasses say why: <see cref="HttpUploadServiceNotFoundException"/> (the server
/// offers no upload service), <see cref="HttpUploadFileTooLargeException"/> (over the service's limit),
/// <see cref="HttpUploadSlotRefusedException"/> (the service refused the slot), <see cref="HttpUploadPutFailedException"/>
/// (the HTTP PUT failed). This class itself is thrown when the service's slot cannot be used (a URL that is not https,
/// a missing PUT or GET URL) or the source stream ended before the size announced; the message says which.
/// </summary>
public class HttpUploadException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HttpUploadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
