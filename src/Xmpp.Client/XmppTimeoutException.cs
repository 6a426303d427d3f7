namespace Xmpp.Client;

/// <summary>
/// An operation did not complete in the time allowed: connecting, negotiating the stream, or waiting for the
/// answer to a request. A <see cref="TimeoutException"/>, so code that already handles timeouts handles this one;
/// the message says what was being waited for. A caller's own cancellation is an
/// <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class XmppTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was being waited for, and for how long.</param>
    /// <param name="innerException">The cancellation that ended the wait, if any.</param>
    public XmppTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
