using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Xmpp.Client.Sasl;

/// <summary>
/// The client side of SCRAM (RFC 5802) over SHA-1, SHA-256 (RFC 7677) or SHA-512, with or without channel binding
/// (<c>-PLUS</c>). One instance serves one login.
/// </summary>
/// <remarks>
/// <para>The gs2 channel-binding flag is chosen by <see cref="SaslMechanismSelector"/>: <c>p=&lt;type&gt;</c> with a
/// binding (the <c>-PLUS</c> name), <c>y</c> when this client could bind but the server offered no <c>-PLUS</c>
/// mechanism (so a server that does support binding detects a downgrade), <c>n</c> otherwise.</para>
/// <para>The user name and password are prepared with <see cref="SaslPrep"/>. The server must extend the client's
/// nonce and ask for between <see cref="MinimumIterations"/> and <see cref="MaximumIterations"/> PBKDF2 iterations; its
/// final message must carry the server signature, compared in constant time. Derived keys are zeroed after use;
/// nothing is cached between logins.</para>
/// </remarks>
internal sealed class ScramMechanism : SaslMechanism
{
    /// <summary>
    /// The fewest PBKDF2 iterations accepted: RFC 5802 §5.1 and RFC 7677 §4 ask for at least 4096. A lower count makes
    /// an observed exchange cheap to brute-force, which is what an attacker posing as the server would ask for.
    /// </summary>
    public const int MinimumIterations = 4096;

    /// <summary>
    /// The most PBKDF2 iterations accepted, so a hostile (or spoofed) server cannot keep the client hashing: the count
    /// is the server's to choose, and every login (every reconnection) pays it. 1,000,000 costs about a second of one
    /// core with SHA-512 (0.7 s with SHA-1, 0.4 s with SHA-256, on a current x64 core); the 2^31 - 1 a
    /// hostile server could ask for would cost 25 to 40 minutes. It is 100 times what servers use by default (Prosody
    /// 10,000; ejabberd and Openfire 4,096) and above current advice for SHA-256 and SHA-512
    /// (OWASP 2023: 600,000 and 210,000); only OWASP's 1,300,000 for SHA-1 is above it.
    /// </summary>
    public const int MaximumIterations = 1_000_000;

    private static readonly byte[] s_clientKey = "Client Key"u8.ToArray();
    private static readonly byte[] s_serverKey = "Server Key"u8.ToArray();

    private readonly ScramAlgorithm _algorithm;
    private readonly string _username;
    private readonly string _password;
    private readonly ChannelBindingData? _binding;
    private readonly string _gs2Header;
    private readonly string _clientNonce;
    private string? _clientFirstBare;
    private byte[]? _serverSignature;
    private State _state;

    /// <summary>Creates the mechanism with a fresh random nonce.</summary>
    /// <param name="algorithm">The hash function.</param>
    /// <param name="username">The user name (the JID's local part); prepared with SASLprep.</param>
    /// <param name="password">The password; prepared with SASLprep.</param>
    /// <param name="authorizationId">The identity to act as, or <see langword="null"/> for the account itself.</param>
    /// <param name="binding">The channel binding for <c>-PLUS</c>, or <see langword="null"/>.</param>
    /// <param name="clientSupportsBinding">Without a binding: send the gs2 flag <c>y</c> rather than <c>n</c>.</param>
    /// <exception cref="ArgumentException">The user name or password cannot be prepared with SASLprep.</exception>
    public ScramMechanism(
        ScramAlgorithm algorithm, string username, string password, string? authorizationId, ChannelBindingData? binding, bool clientSupportsBinding)
        : this(algorithm, username, password, authorizationId, binding, clientSupportsBinding, CreateNonce())
    {
    }

    /// <summary>Creates the mechanism with the given client nonce (a test seam; use the public constructor).</summary>
    internal ScramMechanism(
        ScramAlgorithm algorithm,
        string username,
        string password,
        string? authorizationId,
        ChannelBindingData? binding,
        bool clientSupportsBinding,
        string clientNonce)
    {
        _algorithm = algorithm;
        _username = EscapeSaslName(SaslPrep.Prepare(username, "user name"));
        _password = SaslPrep.Prepare(password, "password");
        if (_username.Length == 0)
        {
            throw new ArgumentException("The user name for SCRAM must not be empty.", nameof(username));
        }

        _binding = binding;
        string flag = binding is not null ? "p=" + binding.Type : clientSupportsBinding ? "y" : "n";
        _gs2Header = authorizationId is null ? flag + ",," : $"{flag},a={EscapeSaslName(authorizationId)},";
        _clientNonce = clientNonce;
        Name = binding is null ? algorithm.MechanismName : algorithm.MechanismName + "-PLUS";
    }

    private enum State
    {
        Initial,
        SentClientFirst,
        SentClientFinal,
        Verified,
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>The gs2 header (channel-binding flag and authorization identity), exposed for tests.</summary>
    internal string Gs2Header => _gs2Header;

    /// <inheritdoc />
    public override byte[] GetInitialResponse()
    {
        if (_state != State.Initial)
        {
            throw new InvalidOperationException("A SCRAM mechanism instance serves a single login.");
        }

        _clientFirstBare = $"n={_username},r={_clientNonce}";
        _state = State.SentClientFirst;
        return Encoding.UTF8.GetBytes(_gs2Header + _clientFirstBare);
    }

    /// <inheritdoc />
    public override byte[] RespondToChallenge(ReadOnlySpan<byte> challenge)
    {
        switch (_state)
        {
            case State.SentClientFirst:
                byte[] clientFinal = ComputeClientFinal(Decode(challenge));
                _state = State.SentClientFinal;
                return clientFinal;
            case State.SentClientFinal:
                // Some servers send server-final in a challenge and <success/> without data afterwards.
                CheckServerFinal(Decode(challenge));
                _state = State.Verified;
                return [];
            default:
                throw SaslErrors.InvalidServerResponse(Name, "the server sent a challenge when none was expected");
        }
    }

    /// <inheritdoc />
    public override void VerifySuccess(ReadOnlySpan<byte> additionalData)
    {
        if (_state == State.Verified && additionalData.IsEmpty)
        {
            return;
        }

        if (_state is not (State.SentClientFinal or State.Verified))
        {
            throw SaslErrors.ServerVerificationFailed(Name, "the server reported success before the exchange was complete");
        }

        CheckServerFinal(Decode(additionalData));
        _state = State.Verified;
    }

    private static string CreateNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static string EscapeSaslName(string value) =>
        value.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);

    private string Decode(ReadOnlySpan<byte> message)
    {
        if (!Utf8.IsValid(message))
        {
            throw SaslErrors.InvalidServerResponse(Name, "the message is not valid UTF-8");
        }

        return Encoding.UTF8.GetString(message);
    }

    private byte[] ComputeClientFinal(string serverFirst)
    {
        string[] attributes = serverFirst.Split(',');
        if (attributes[0].StartsWith("e=", StringComparison.Ordinal))
        {
            throw SaslErrors.ScramServerError(Name, attributes[0][2..]);
        }

        if (attributes[0].StartsWith("m=", StringComparison.Ordinal))
        {
            throw SaslErrors.InvalidServerResponse(Name, "the server requires a SCRAM extension (m=) this client does not support");
        }

        if (attributes.Length < 3
            || !attributes[0].StartsWith("r=", StringComparison.Ordinal)
            || !attributes[1].StartsWith("s=", StringComparison.Ordinal)
            || !attributes[2].StartsWith("i=", StringComparison.Ordinal))
        {
            throw SaslErrors.InvalidServerResponse(Name, "the first server message does not start with the nonce, salt and iteration count");
        }

        string nonce = attributes[0][2..];
        if (nonce.Length <= _clientNonce.Length || !nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || !IsPrintable(nonce))
        {
            throw SaslErrors.InvalidServerResponse(Name, "the server's nonce does not extend the client's nonce");
        }

        byte[] salt;
        try
        {
            salt = Convert.FromBase64String(attributes[1][2..]);
        }
        catch (FormatException e)
        {
            throw SaslErrors.InvalidServerResponse(Name, "the salt is not valid base64: " + e.Message);
        }

        if (salt.Length == 0)
        {
            throw SaslErrors.InvalidServerResponse(Name, "the salt is empty");
        }

        if (!int.TryParse(attributes[2].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int iterations)
            || iterations < MinimumIterations
            || iterations > MaximumIterations)
        {
            throw SaslErrors.InvalidServerResponse(
                Name,
                $"the iteration count '{attributes[2][2..]}' is not a whole number between {MinimumIterations} and {MaximumIterations}: "
                + "fewer make the password easy to recover from an observed login, more would let the server keep this client "
                + "hashing for as long as it likes");
        }

        byte[] gs2 = Encoding.UTF8.GetBytes(_gs2Header);
        byte[] channelBinding = _binding is null ? gs2 : [.. gs2, .. _binding.Data];
        string clientFinalWithoutProof = $"c={Convert.ToBase64String(channelBinding)},r={nonce}";
        byte[] authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{serverFirst},{clientFinalWithoutProof}");
        byte[] proof = ComputeProof(salt, iterations, authMessage);
        return Encoding.UTF8.GetBytes($"{clientFinalWithoutProof},p={Convert.ToBase64String(proof)}");
    }

    // RFC 5802 §3: SaltedPassword, ClientKey, StoredKey, ClientSignature, ClientProof and ServerSignature.
    private byte[] ComputeProof(byte[] salt, int iterations, byte[] authMessage)
    {
        int size = _algorithm.HashSize;
        byte[] password = Encoding.UTF8.GetBytes(_password);
        Span<byte> keys = stackalloc byte[size * 5];
        Span<byte> salted = keys[..size];
        Span<byte> clientKey = keys.Slice(size, size);
        Span<byte> storedKey = keys.Slice(size * 2, size);
        Span<byte> clientSignature = keys.Slice(size * 3, size);
        Span<byte> serverKey = keys.Slice(size * 4, size);
        try
        {
            _algorithm.SaltPassword(password, salt, iterations, salted);
            _algorithm.Hmac(salted, s_clientKey, clientKey);
            _algorithm.Hash(clientKey, storedKey);
            _algorithm.Hmac(storedKey, authMessage, clientSignature);
            byte[] proof = new byte[size];
            for (int i = 0; i < size; i++)
            {
                proof[i] = (byte)(clientKey[i] ^ clientSignature[i]);
            }

            _algorithm.Hmac(salted, s_serverKey, serverKey);
            _serverSignature = new byte[size];
            _algorithm.Hmac(serverKey, authMessage, _serverSignature);
            return proof;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(keys);
        }
    }

    private void CheckServerFinal(string serverFinal)
    {
        string first = serverFinal.Split(',')[0];
        if (first.StartsWith("e=", StringComparison.Ordinal))
        {
            throw SaslErrors.ScramServerError(Name, first[2..]);
        }

        if (!first.StartsWith("v=", StringComparison.Ordinal))
        {
            throw SaslErrors.ServerVerificationFailed(Name, "the server's final message carries no server signature");
        }

        byte[] signature = new byte[_algorithm.HashSize];
        if (!Convert.TryFromBase64String(first[2..], signature, out int written)
            || written != signature.Length
            || !CryptographicOperations.FixedTimeEquals(signature, _serverSignature))
        {
            throw SaslErrors.ServerVerificationFailed(Name, "the server signature is wrong");
        }
    }

    private static bool IsPrintable(string value)
    {
        foreach (char c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
