using System.Text;

namespace Xmpp.Client.Sasl;

/// <summary>
/// SASL PLAIN (RFC 4616): sends the password itself, so the selector only picks it on an encrypted connection
/// unless the user opted out. The strings are sent as given; RFC 4616 §2 leaves their preparation to the server.
/// </summary>
internal sealed class PlainMechanism : SaslMechanism
{
    private readonly string _username;
    private readonly string _password;
    private readonly string? _authorizationId;

    /// <summary>Creates the mechanism.</summary>
    /// <param name="username">The authentication identity (the JID's local part).</param>
    /// <param name="password">The password.</param>
    /// <param name="authorizationId">The identity to act as, or <see langword="null"/> for the account itself.</param>
    public PlainMechanism(string username, string password, string? authorizationId = null)
    {
        if (username.Length == 0 || username.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The user name for PLAIN must be non-empty and contain no NUL character.", nameof(username));
        }

        if (password.Length == 0 || password.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The password for PLAIN must be non-empty and contain no NUL character.", nameof(password));
        }

        if (authorizationId is not null && authorizationId.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The authorization identity for PLAIN must contain no NUL character.", nameof(authorizationId));
        }

        _username = username;
        _password = password;
        _authorizationId = authorizationId;
    }

    /// <inheritdoc />
    public override string Name => "PLAIN";

    /// <inheritdoc />
    public override byte[] GetInitialResponse() =>
        Encoding.UTF8.GetBytes($"{_authorizationId}\0{_username}\0{_password}");

    /// <inheritdoc />
    public override byte[] RespondToChallenge(ReadOnlySpan<byte> challenge) =>
        throw SaslErrors.InvalidServerResponse(Name, "PLAIN has no challenges, but the server sent one");

    /// <inheritdoc />
    public override void VerifySuccess(ReadOnlySpan<byte> additionalData)
    {
        // PLAIN defines no success data and nothing to verify.
    }
}
