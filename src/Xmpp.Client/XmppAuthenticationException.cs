namespace Xmpp.Client;

/// <summary>
/// Authentication (SASL, RFC 6120 §6) failed. <see cref="Condition"/> says why; the message says what to do.
/// </summary>
/// <remarks>
/// Retrying with the same settings does not help for most conditions: check the credentials
/// (<see cref="SaslFailureCondition.NotAuthorized"/>), the allowed mechanisms
/// (<see cref="SaslFailureCondition.NoAcceptableMechanism"/>) or the account's state. Only
/// <see cref="SaslFailureCondition.TemporaryAuthFailure"/> and <see cref="SaslFailureCondition.Aborted"/> are worth
/// retrying as they are. <see cref="SaslFailureCondition.ServerVerificationFailed"/> means the server could not prove
/// it knows the password: treat the connection as compromised.
/// </remarks>
public sealed class XmppAuthenticationException : XmppException
{
    /// <summary>Creates an exception with a default message and an <see cref="SaslFailureCondition.Unknown"/> condition.</summary>
    public XmppAuthenticationException()
        : base("Authentication failed.")
    {
    }

    /// <summary>Creates an exception with the given message and an <see cref="SaslFailureCondition.Unknown"/> condition.</summary>
    /// <param name="message">What failed and, where possible, what to do about it.</param>
    public XmppAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message, the exception that caused it and an <see cref="SaslFailureCondition.Unknown"/> condition.</summary>
    /// <param name="message">What failed and, where possible, what to do about it.</param>
    /// <param name="innerException">The underlying cause.</param>
    public XmppAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal XmppAuthenticationException(string message, SaslFailureCondition condition, string? mechanism, string? serverText)
        : base(message)
    {
        Condition = condition;
        Mechanism = mechanism;
        ServerText = serverText;
    }

    /// <summary>Why authentication failed.</summary>
    public SaslFailureCondition Condition { get; }

    /// <summary>The SASL mechanism that was in use (such as <c>SCRAM-SHA-256</c>), or <see langword="null"/> when none was chosen.</summary>
    public string? Mechanism { get; }

    /// <summary>
    /// The explanation the server sent, if any: the text of the failure's <c>&lt;text/&gt;</c> element, or the
    /// SCRAM <c>e=</c> error value. Meant for people; do not branch on it.
    /// </summary>
    public string? ServerText { get; }
}
