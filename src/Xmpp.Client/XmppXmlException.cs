namespace Xmpp.Client;

/// <summary>
/// The peer sent XML that breaks XML 1.0, XML namespaces or the restrictions of RFC 6120 §11, or that exceeds a
/// configured limit. The stream cannot continue: the SDK answers with the stream error in <see cref="Condition"/> and
/// closes the connection. Reconnecting is the only remedy; if it happens again, the server (or something between it
/// and you) is sending broken XML, and the message says what and where.
/// </summary>
public sealed class XmppXmlException : XmppException
{
    /// <summary>Creates an exception with condition <see cref="StreamErrorCondition.NotWellFormed"/> and a default message.</summary>
    public XmppXmlException()
        : this(StreamErrorCondition.NotWellFormed, "The XML stream is not well-formed.")
    {
    }

    /// <summary>Creates an exception with condition <see cref="StreamErrorCondition.NotWellFormed"/>.</summary>
    /// <param name="message">What was wrong and where.</param>
    public XmppXmlException(string message)
        : this(StreamErrorCondition.NotWellFormed, message)
    {
    }

    /// <summary>Creates an exception with condition <see cref="StreamErrorCondition.NotWellFormed"/> and a cause.</summary>
    /// <param name="message">What was wrong and where.</param>
    /// <param name="innerException">The underlying cause.</param>
    public XmppXmlException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Condition = StreamErrorCondition.NotWellFormed;
        ByteOffset = -1;
    }

    /// <summary>Creates an exception with the given condition.</summary>
    /// <param name="condition">The stream error condition to send the peer.</param>
    /// <param name="message">What was wrong and where.</param>
    public XmppXmlException(StreamErrorCondition condition, string message)
        : this(condition, message, -1)
    {
    }

    internal XmppXmlException(StreamErrorCondition condition, string message, long byteOffset)
        : base(message)
    {
        Condition = condition;
        ByteOffset = byteOffset;
    }

    /// <summary>The RFC 6120 stream error condition that describes the violation (for example
    /// <see cref="StreamErrorCondition.NotWellFormed"/>, <see cref="StreamErrorCondition.RestrictedXml"/> or
    /// <see cref="StreamErrorCondition.PolicyViolation"/>).</summary>
    public StreamErrorCondition Condition { get; }

    /// <summary>The offset, in bytes from the start of the connection's incoming data, of the byte where the violation
    /// was found; -1 when not known.</summary>
    public long ByteOffset { get; }
}
