namespace Xmpp.Client.Sasl;

/// <summary>
/// SASL ANONYMOUS (RFC 4505, XEP-0175): logs in to a temporary account the server makes up. No trace
/// information is sent.
/// </summary>
internal sealed class AnonymousMechanism : SaslMechanism
{
    /// <inheritdoc />
    public override string Name => "ANONYMOUS";

    /// <inheritdoc />
    public override byte[] GetInitialResponse() => [];

    /// <inheritdoc />
    public override byte[] RespondToChallenge(ReadOnlySpan<byte> challenge) =>
        throw SaslErrors.InvalidServerResponse(Name, "ANONYMOUS has no challenges, but the server sent one");

    /// <inheritdoc />
    public override void VerifySuccess(ReadOnlySpan<byte> additionalData)
    {
        // ANONYMOUS defines no success data and nothing to verify.
    }
}
