namespace Xmpp.Client;

/// <summary>
/// The base of every exception the SDK throws for an XMPP-level problem. Catch this to handle all of them;
/// each subclass says what failed and what the caller can do about it.
/// </summary>
/// <remarks>
/// A caller's own cancellation stays an <see cref="OperationCanceledException"/> and a timeout is a
/// <see cref="TimeoutException"/>; neither is wrapped in an <see cref="XmppException"/>.
/// </remarks>
public class XmppException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public XmppException()
        : base("An XMPP error occurred.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What failed and, where possible, what to do about it.</param>
    public XmppException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What failed and, where possible, what to do about it.</param>
    /// <param name="innerException">The underlying cause.</param>
    public XmppException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
