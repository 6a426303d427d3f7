namespace Xmpp.Client.Sasl;

/// <summary>
/// Builds every <see cref="XmppAuthenticationException"/> the SASL layer throws, so each message says what failed
/// and what the user can do, and parses the condition element of a server's <c>&lt;failure/&gt;</c>.
/// </summary>
internal static class SaslErrors
{
    /// <summary>Maps the local name of the condition element in <c>&lt;failure/&gt;</c> (RFC 6120 §6.5) to its value.</summary>
    /// <param name="elementName">The element's local name, such as <c>not-authorized</c>.</param>
    /// <returns>The condition, or <see cref="SaslFailureCondition.Unknown"/> for a name RFC 6120 does not define.</returns>
    public static SaslFailureCondition ParseCondition(string elementName) => elementName switch
    {
        "aborted" => SaslFailureCondition.Aborted,
        "account-disabled" => SaslFailureCondition.AccountDisabled,
        "credentials-expired" => SaslFailureCondition.CredentialsExpired,
        "encryption-required" => SaslFailureCondition.EncryptionRequired,
        "incorrect-encoding" => SaslFailureCondition.IncorrectEncoding,
        "invalid-authzid" => SaslFailureCondition.InvalidAuthzid,
        "invalid-mechanism" => SaslFailureCondition.InvalidMechanism,
        "malformed-request" => SaslFailureCondition.MalformedRequest,
        "mechanism-too-weak" => SaslFailureCondition.MechanismTooWeak,
        "not-authorized" => SaslFailureCondition.NotAuthorized,
        "temporary-auth-failure" => SaslFailureCondition.TemporaryAuthFailure,
        _ => SaslFailureCondition.Unknown,
    };

    /// <summary>The server answered with <c>&lt;failure/&gt;</c>.</summary>
    /// <param name="condition">The parsed condition (see <see cref="ParseCondition"/>).</param>
    /// <param name="text">The text of the failure's <c>&lt;text/&gt;</c> child, if any.</param>
    /// <param name="mechanism">The mechanism in use.</param>
    public static XmppAuthenticationException Failure(SaslFailureCondition condition, string? text, string mechanism)
    {
        string advice = condition switch
        {
            SaslFailureCondition.Aborted => "the exchange was aborted; connecting again usually helps.",
            SaslFailureCondition.AccountDisabled => "the account is disabled; ask the server's administrator to enable it.",
            SaslFailureCondition.CredentialsExpired => "the password has expired; change it, then connect again.",
            SaslFailureCondition.EncryptionRequired => "the server only allows this mechanism over an encrypted connection; keep TLS required.",
            SaslFailureCondition.IncorrectEncoding => "the server could not decode the data sent; this points to a bug in the client or the server.",
            SaslFailureCondition.InvalidAuthzid => "the authorization identity is not allowed for this account; leave it unset.",
            SaslFailureCondition.InvalidMechanism => "the server does not support this mechanism; allow another one.",
            SaslFailureCondition.MalformedRequest => "the server found the request malformed; this points to a bug in the client or the server.",
            SaslFailureCondition.MechanismTooWeak => "the server considers this mechanism too weak; allow a stronger one such as SCRAM-SHA-256.",
            SaslFailureCondition.NotAuthorized => "the user name or password is wrong; check the JID's local part and the password.",
            SaslFailureCondition.TemporaryAuthFailure => "the server had a temporary problem; try again later.",
            _ => "the server gave no condition this library knows.",
        };
        string message = $"Authentication with {mechanism} failed: {advice}";
        if (!string.IsNullOrEmpty(text))
        {
            message += $" The server said: \"{text}\".";
        }

        return new XmppAuthenticationException(message, condition, mechanism, text);
    }

    /// <summary>The server could not prove it knows the password (SCRAM server signature missing or wrong).</summary>
    /// <param name="mechanism">The mechanism in use.</param>
    /// <param name="detail">What exactly was wrong, without any secret.</param>
    public static XmppAuthenticationException ServerVerificationFailed(string mechanism, string detail) => new(
        $"The server could not prove that it knows the password ({mechanism}: {detail}). Something between this client "
        + "and the real server may be impersonating it (a man-in-the-middle); the connection was not trusted. Check the "
        + "network, the DNS records and the server's certificate before connecting again.",
        SaslFailureCondition.ServerVerificationFailed,
        mechanism,
        serverText: null);

    /// <summary>The server's message broke the mechanism's rules.</summary>
    /// <param name="mechanism">The mechanism in use.</param>
    /// <param name="detail">What exactly was wrong, without any secret.</param>
    public static XmppAuthenticationException InvalidServerResponse(string mechanism, string detail) => new(
        $"The server's {mechanism} message was invalid: {detail}. The server is faulty or something is tampering with "
        + "the connection; report this to the server's administrator.",
        SaslFailureCondition.InvalidServerResponse,
        mechanism,
        serverText: null);

    /// <summary>The server ended a SCRAM exchange with <c>e=</c> (RFC 5802 §7 server-error).</summary>
    /// <param name="mechanism">The mechanism in use.</param>
    /// <param name="error">The server-error value.</param>
    public static XmppAuthenticationException ScramServerError(string mechanism, string error)
    {
        (SaslFailureCondition condition, string advice) = error switch
        {
            "invalid-proof" or "unknown-user" =>
                (SaslFailureCondition.NotAuthorized, "the user name or password is wrong; check the JID's local part and the password."),
            "channel-bindings-dont-match" =>
                (SaslFailureCondition.NotAuthorized, "the server saw a different TLS channel than this client; something may be intercepting the connection."),
            "server-does-support-channel-binding" =>
                (SaslFailureCondition.NotAuthorized, "the server supports channel binding but the client was told otherwise; something may have altered the server's offer."),
            "invalid-encoding" or "invalid-username-encoding" =>
                (SaslFailureCondition.IncorrectEncoding, "the server could not decode the data sent; check the user name for unusual characters."),
            "no-resources" =>
                (SaslFailureCondition.TemporaryAuthFailure, "the server is short of resources; try again later."),
            "extensions-not-supported" or "channel-binding-not-supported" or "unsupported-channel-binding-type" =>
                (SaslFailureCondition.MalformedRequest, "the server does not support what the client asked for; this points to a bug in the client or the server."),
            _ => (SaslFailureCondition.Unknown, "the server reported an error this library does not know."),
        };
        return new XmppAuthenticationException(
            $"Authentication with {mechanism} failed ({error}): {advice}", condition, mechanism, error);
    }

    /// <summary>No mechanism is both offered by the server and usable under the client's settings.</summary>
    /// <param name="offered">The server's mechanisms.</param>
    /// <param name="allowed">The mechanisms the client was willing to use, in order.</param>
    /// <param name="reasons">Why mechanisms that both sides have could not be used (may be empty).</param>
    public static XmppAuthenticationException NoAcceptableMechanism(
        IEnumerable<string> offered, IEnumerable<string> allowed, IReadOnlyCollection<string> reasons)
    {
        string offeredText = string.Join(", ", offered);
        string message = "No SASL mechanism is acceptable to both sides. The server offers: "
            + (offeredText.Length == 0 ? "none" : offeredText)
            + "; the client allows: " + string.Join(", ", allowed) + ".";
        if (reasons.Count > 0)
        {
            message += " " + string.Join(" ", reasons);
        }

        message += " Allow one of the server's mechanisms in the client options, or ask the server's administrator to enable a stronger one.";
        return new XmppAuthenticationException(message, SaslFailureCondition.NoAcceptableMechanism, mechanism: null, serverText: null);
    }
}
