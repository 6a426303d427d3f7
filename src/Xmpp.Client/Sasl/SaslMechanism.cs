namespace Xmpp.Client.Sasl;

/// <summary>
/// The client side of one SASL mechanism (RFC 4422) for one login attempt. Create a new instance per attempt;
/// an instance is not thread-safe and keeps no state between logins.
/// </summary>
/// <remarks>
/// The negotiator sends <c>&lt;auth mechanism="<see cref="Name"/>"&gt;</c> with <see cref="GetInitialResponse"/>,
/// answers each <c>&lt;challenge/&gt;</c> with <see cref="RespondToChallenge"/>, and on <c>&lt;success/&gt;</c> MUST call
/// <see cref="VerifySuccess"/> (with an empty span when the element has no content) before trusting the session:
/// that is where SCRAM checks the server's signature. Every method throws <see cref="XmppAuthenticationException"/>
/// when the server's data is unacceptable.
/// </remarks>
internal abstract class SaslMechanism
{
    /// <summary>The mechanism name as registered with IANA, such as <c>SCRAM-SHA-256-PLUS</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The client's first message, sent in <c>&lt;auth/&gt;</c>; may be empty (sent as <c>=</c>).</summary>
    public abstract byte[] GetInitialResponse();

    /// <summary>Answers a server challenge (already base64-decoded).</summary>
    /// <param name="challenge">The decoded content of <c>&lt;challenge/&gt;</c>.</param>
    /// <returns>The response to send in <c>&lt;response/&gt;</c>; may be empty.</returns>
    public abstract byte[] RespondToChallenge(ReadOnlySpan<byte> challenge);

    /// <summary>Checks the additional data of <c>&lt;success/&gt;</c> (already base64-decoded).</summary>
    /// <param name="additionalData">The decoded content of <c>&lt;success/&gt;</c>; empty when there was none.</param>
    public abstract void VerifySuccess(ReadOnlySpan<byte> additionalData);
}
