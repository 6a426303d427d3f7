namespace Xmpp.Client.Extensions.Registration;

/// <summary>Why a server (or gateway) refused a registration request (XEP-0077 §3.1, §3.2, §3.3).</summary>
public enum RegistrationError
{
    /// <summary>The account name is taken (<c>conflict</c>): choose another one, or log in if it is yours.</summary>
    AccountExists,

    /// <summary>The server does not allow in-band registration, or not for this request (<c>not-allowed</c>,
    /// <c>forbidden</c>, or <c>service-unavailable</c> from a server without it).</summary>
    NotAllowed,

    /// <summary>Information is missing or not acceptable, such as an invalid name or a weak password
    /// (<c>not-acceptable</c>, <c>bad-request</c>, <c>jid-malformed</c>); the server's text says which.</summary>
    NotAcceptable,

    /// <summary>The request needs authorization or a form it did not carry (<c>not-authorized</c>), such as a password
    /// change the server wants a data form for, or a wrong CAPTCHA answer.</summary>
    NotAuthorized,

    /// <summary>The server limits registrations (<c>resource-constraint</c>, <c>policy-violation</c>), such as too
    /// many from one address: try again later.</summary>
    TooManyRequests,

    /// <summary>Any other error; see <see cref="RegistrationException.Error"/>.</summary>
    Other,
}
