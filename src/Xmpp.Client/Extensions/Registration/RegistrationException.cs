using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.Extensions.Registration;

/// <summary>
/// A registration request was refused: <see cref="Reason"/> says why and what to do, <see cref="Error"/> carries the
/// server's error with its text, and <see cref="Form"/> the form the server sent along with it, if any.
/// </summary>
public sealed class RegistrationException : XmppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The server or gateway asked.</param>
    /// <param name="what">What was asked, such as "registering 'alice'".</param>
    /// <param name="error">The server's error.</param>
    /// <param name="form">The form the error carried (a password change the server wants a form for), or <see langword="null"/>.</param>
    /// <param name="innerException">The IQ error it came as.</param>
    public RegistrationException(Jid service, string what, StanzaError error, DataForm? form = null, Exception? innerException = null)
        : base(Describe(service, what, Classify(error.Condition), error), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Service = service;
        Error = error;
        Reason = Classify(error.Condition);
        Form = form;
    }

    /// <summary>The server or gateway that refused.</summary>
    public Jid Service { get; }

    /// <summary>Why it refused.</summary>
    public RegistrationError Reason { get; }

    /// <summary>The error it sent (its <see cref="StanzaError.Text"/> is the server's explanation, if it gave one).</summary>
    public StanzaError Error { get; }

    /// <summary>A data form the server sent with the refusal (XEP-0077 §3.3: fill and send it instead), or <see langword="null"/>.</summary>
    public DataForm? Form { get; }

    internal static RegistrationError Classify(StanzaErrorCondition condition) => condition switch
    {
        StanzaErrorCondition.Conflict => RegistrationError.AccountExists,
        StanzaErrorCondition.NotAllowed or StanzaErrorCondition.Forbidden or StanzaErrorCondition.ServiceUnavailable
            or StanzaErrorCondition.FeatureNotImplemented => RegistrationError.NotAllowed,
        StanzaErrorCondition.NotAcceptable or StanzaErrorCondition.BadRequest or StanzaErrorCondition.JidMalformed => RegistrationError.NotAcceptable,
        StanzaErrorCondition.NotAuthorized => RegistrationError.NotAuthorized,
        StanzaErrorCondition.ResourceConstraint or StanzaErrorCondition.PolicyViolation => RegistrationError.TooManyRequests,
        _ => RegistrationError.Other,
    };

    private static string Describe(Jid service, string what, RegistrationError reason, StanzaError error)
    {
        var why = reason switch
        {
            RegistrationError.AccountExists => "the account exists already",
            RegistrationError.NotAllowed => "the server does not allow it",
            RegistrationError.NotAcceptable => "information is missing or not acceptable",
            RegistrationError.NotAuthorized => "it is not authorized (a form or a correct CAPTCHA answer may be needed)",
            RegistrationError.TooManyRequests => "the server limits registrations; try again later",
            _ => "the server refused",
        };
        return $"{service} refused {what}: {why} ({error}).";
    }
}
