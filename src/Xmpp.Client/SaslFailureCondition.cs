namespace Xmpp.Client;

/// <summary>
/// Why authentication failed: the SASL failure conditions of RFC 6120 §6.5 that a server reports, plus the
/// conditions this library detects itself (<see cref="ServerVerificationFailed"/>,
/// <see cref="NoAcceptableMechanism"/>, <see cref="InvalidServerResponse"/>).
/// </summary>
public enum SaslFailureCondition
{
    /// <summary>A condition this library does not know (a newer or non-standard one), or none was given.</summary>
    Unknown = 0,

    /// <summary>The exchange was aborted (§6.5.1). Connecting again usually helps.</summary>
    Aborted,

    /// <summary>The account is disabled (§6.5.2). Ask the server's administrator to enable it.</summary>
    AccountDisabled,

    /// <summary>The password has expired (§6.5.3). Change it (for example through the provider's web site), then connect again.</summary>
    CredentialsExpired,

    /// <summary>
    /// The mechanism may only be used over an encrypted connection (§6.5.4). Keep TLS required (the default) or
    /// allow a mechanism that does not send the password.
    /// </summary>
    EncryptionRequired,

    /// <summary>The server could not decode the data sent (§6.5.5). This points to a bug in the client or the server.</summary>
    IncorrectEncoding,

    /// <summary>The authorization identity is invalid or the account may not act as it (§6.5.6). Leave it unset unless the server allows it.</summary>
    InvalidAuthzid,

    /// <summary>The server does not support the mechanism the client chose (§6.5.7). Allow another mechanism.</summary>
    InvalidMechanism,

    /// <summary>The request was malformed (§6.5.8). This points to a bug in the client or the server.</summary>
    MalformedRequest,

    /// <summary>The server's policy considers the mechanism too weak (§6.5.9). Allow a stronger mechanism such as SCRAM-SHA-256.</summary>
    MechanismTooWeak,

    /// <summary>The credentials are wrong (§6.5.10). Check the user name (the JID's local part) and the password.</summary>
    NotAuthorized,

    /// <summary>The server had a temporary problem (§6.5.11). Try again later.</summary>
    TemporaryAuthFailure,

    /// <summary>
    /// Detected by this library: the server accepted the login but could not prove that it knows the password
    /// (its SCRAM server signature was missing or wrong). Something between the client and the real server may
    /// be impersonating it (a man-in-the-middle). Do not trust this connection; check the network, the DNS
    /// records and the server's certificate before trying again.
    /// </summary>
    ServerVerificationFailed,

    /// <summary>
    /// Detected by this library: none of the mechanisms the server offers is allowed by the client's settings,
    /// or none can be used on this connection (PLAIN without TLS, for example). The exception message lists
    /// both sides; allow one of the server's mechanisms or ask the administrator to enable a stronger one.
    /// </summary>
    NoAcceptableMechanism,

    /// <summary>
    /// Detected by this library: the server's SASL messages broke the mechanism's rules (such as a SCRAM nonce
    /// that does not extend the client's, or an iteration count out of bounds). The server is faulty or something
    /// is tampering with the connection; report it to the server's administrator.
    /// </summary>
    InvalidServerResponse,
}
