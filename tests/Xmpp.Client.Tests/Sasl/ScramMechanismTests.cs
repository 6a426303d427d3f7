using System.Security.Cryptography;
using System.Text;
using Xmpp.Client.Sasl;

namespace Xmpp.Client.Tests.Sasl;

public class ScramMechanismTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Text(byte[] b) => Encoding.UTF8.GetString(b);

    private static ScramMechanism Rfc5802Client() =>
        new(ScramAlgorithm.Sha1, "user", "pencil", null, null, clientSupportsBinding: false, "fyko+d2lbbFgONRv9qkxdawL");

    private const string Rfc5802ServerFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    [Fact]
    public void Scram_sha1_matches_the_RFC_5802_example_exchange()
    {
        var scram = Rfc5802Client();

        Assert.Equal("SCRAM-SHA-1", scram.Name);
        Assert.Equal("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", Text(scram.GetInitialResponse()));
        Assert.Equal(
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
            Text(scram.RespondToChallenge(Utf8(Rfc5802ServerFirst))));
        scram.VerifySuccess(Utf8("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
    }

    [Fact]
    public void Scram_sha256_matches_the_RFC_7677_example_exchange()
    {
        var scram = new ScramMechanism(ScramAlgorithm.Sha256, "user", "pencil", null, null, false, "rOprNGfwEbeRWgbNEkqO");

        Assert.Equal("SCRAM-SHA-256", scram.Name);
        Assert.Equal("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", Text(scram.GetInitialResponse()));
        Assert.Equal(
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            Text(scram.RespondToChallenge(Utf8("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))));
        scram.VerifySuccess(Utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    public static TheoryData<string> Algorithms => ["SHA1", "SHA256", "SHA512"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Scram_logs_in_to_an_independent_server(string hashName)
    {
        var hash = new HashAlgorithmName(hashName);
        ScramAlgorithm algorithm = hashName switch { "SHA1" => ScramAlgorithm.Sha1, "SHA256" => ScramAlgorithm.Sha256, _ => ScramAlgorithm.Sha512 };
        var server = new ScramTestServer(hash, "juliet", "r0m30 & more", RandomNumberGenerator.GetBytes(16), 4096, "srv-nonce");
        var client = new ScramMechanism(algorithm, "juliet", "r0m30 & more", null, null, clientSupportsBinding: false);

        string serverFirst = server.GetServerFirst(Text(client.GetInitialResponse()));
        string serverFinal = server.GetServerFinal(Text(client.RespondToChallenge(Utf8(serverFirst))));

        Assert.StartsWith("v=", serverFinal, StringComparison.Ordinal);
        client.VerifySuccess(Utf8(serverFinal));
    }

    [Fact]
    public void Scram_sha512_plus_sends_the_channel_binding_the_server_expects()
    {
        byte[] binding = RandomNumberGenerator.GetBytes(32);
        var server = new ScramTestServer(HashAlgorithmName.SHA512, "user", "pencil", RandomNumberGenerator.GetBytes(16), 4096, "xyz")
        {
            ExpectedBinding = binding,
        };
        var client = new ScramMechanism(
            ScramAlgorithm.Sha512, "user", "pencil", null, new ChannelBindingData(ChannelBindingData.TlsServerEndPoint, binding), true);

        Assert.Equal("SCRAM-SHA-512-PLUS", client.Name);
        string clientFirst = Text(client.GetInitialResponse());
        Assert.StartsWith("p=tls-server-end-point,,n=user,r=", clientFirst, StringComparison.Ordinal);
        string clientFinal = Text(client.RespondToChallenge(Utf8(server.GetServerFirst(clientFirst))));
        byte[] cbind = Convert.FromBase64String(clientFinal.Split(',')[0][2..]);

        Assert.Equal([.. "p=tls-server-end-point,,"u8, .. binding], cbind);
        client.VerifySuccess(Utf8(server.GetServerFinal(clientFinal)));
    }

    [Fact]
    public void Wrong_server_signature_fails_as_server_verification_failure()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();
        scram.RespondToChallenge(Utf8(Rfc5802ServerFirst));

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.VerifySuccess(Utf8("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")));

        Assert.Equal(SaslFailureCondition.ServerVerificationFailed, e.Condition);
        Assert.Equal("SCRAM-SHA-1", e.Mechanism);
        Assert.Contains("man-in-the-middle", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x=unexpected")]
    [InlineData("v=not base64!")]
    [InlineData("v=cm1GOXBxVjhTN3N1QW9aV2phNGRKUmtGc0tRPQ==")] // valid base64 of the wrong length
    public void Missing_or_malformed_server_signature_fails_as_server_verification_failure(string serverFinal)
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();
        scram.RespondToChallenge(Utf8(Rfc5802ServerFirst));

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.VerifySuccess(Utf8(serverFinal)));

        Assert.Equal(SaslFailureCondition.ServerVerificationFailed, e.Condition);
    }

    [Fact]
    public void Success_before_the_client_final_message_fails_as_server_verification_failure()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.VerifySuccess([]));

        Assert.Equal(SaslFailureCondition.ServerVerificationFailed, e.Condition);
    }

    [Fact]
    public void Server_final_in_a_challenge_is_verified_and_answered_with_an_empty_response()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();
        scram.RespondToChallenge(Utf8(Rfc5802ServerFirst));

        Assert.Empty(scram.RespondToChallenge(Utf8("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")));
        scram.VerifySuccess([]);
    }

    [Theory]
    [InlineData("r=someoneelsesnonce123,s=QSXCR+Q6sek8bf92,i=4096")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096")] // not extended
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawLabc def,s=QSXCR+Q6sek8bf92,i=4096")] // not printable
    public void Server_nonce_that_does_not_extend_ours_is_rejected(string serverFirst)
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.RespondToChallenge(Utf8(serverFirst)));

        Assert.Equal(SaslFailureCondition.InvalidServerResponse, e.Condition);
        Assert.Contains("nonce", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4095")]
    [InlineData("1000001")]
    [InlineData("10000001")]
    [InlineData("2147483647")]
    [InlineData("-4096")]
    [InlineData("99999999999")]
    [InlineData("four")]
    [InlineData("")]
    [InlineData("+4096")]
    [InlineData(" 4096")]
    [InlineData("4096.0")]
    public void Iteration_count_out_of_bounds_is_rejected(string iterations)
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(
            () => scram.RespondToChallenge(Utf8($"r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i={iterations}")));

        Assert.Equal(SaslFailureCondition.InvalidServerResponse, e.Condition);
        Assert.Contains($"iteration count '{iterations}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("between 4096 and 1000000:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m=ext,r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096", "extension")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=not*base64,i=4096", "salt")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=,i=4096", "salt")]
    [InlineData("s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawL3rfc,i=4096", "nonce, salt and iteration count")]
    [InlineData("r=fyko+d2lbbFgONRv9qkxdawL3rfc", "nonce, salt and iteration count")]
    public void Malformed_server_first_message_is_rejected(string serverFirst, string expected)
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.RespondToChallenge(Utf8(serverFirst)));

        Assert.Equal(SaslFailureCondition.InvalidServerResponse, e.Condition);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_first_message_that_is_not_UTF8_is_rejected()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.RespondToChallenge([0x72, 0x3D, 0xFF, 0xFE]));

        Assert.Equal(SaslFailureCondition.InvalidServerResponse, e.Condition);
    }

    [Theory]
    [InlineData("e=invalid-proof", SaslFailureCondition.NotAuthorized)]
    [InlineData("e=channel-bindings-dont-match", SaslFailureCondition.NotAuthorized)]
    [InlineData("e=no-resources", SaslFailureCondition.TemporaryAuthFailure)]
    [InlineData("e=invalid-username-encoding", SaslFailureCondition.IncorrectEncoding)]
    [InlineData("e=some-future-error", SaslFailureCondition.Unknown)]
    public void Server_error_in_the_final_message_fails_with_its_condition_and_text(string serverFinal, SaslFailureCondition condition)
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();
        scram.RespondToChallenge(Utf8(Rfc5802ServerFirst));

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.VerifySuccess(Utf8(serverFinal)));

        Assert.Equal(condition, e.Condition);
        Assert.Equal(serverFinal[2..], e.ServerText);
    }

    [Fact]
    public void Server_error_instead_of_the_first_message_fails_with_its_condition()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        var e = Assert.Throws<XmppAuthenticationException>(() => scram.RespondToChallenge(Utf8("e=unknown-user")));

        Assert.Equal(SaslFailureCondition.NotAuthorized, e.Condition);
    }

    [Fact]
    public void Challenge_after_verification_is_rejected()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();
        scram.RespondToChallenge(Utf8(Rfc5802ServerFirst));
        scram.VerifySuccess(Utf8("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));

        Assert.Throws<XmppAuthenticationException>(() => scram.RespondToChallenge(Utf8("r=x")));
    }

    [Fact]
    public void Initial_response_can_only_be_taken_once()
    {
        var scram = Rfc5802Client();
        scram.GetInitialResponse();

        Assert.Throws<InvalidOperationException>(() => scram.GetInitialResponse());
    }

    [Fact]
    public void User_name_and_authorization_identity_escape_equals_and_comma()
    {
        var scram = new ScramMechanism(ScramAlgorithm.Sha256, "a=b,c", "pencil", "x,y=z@example.com", null, false, "nonce");

        Assert.Equal("n,a=x=2Cy=3Dz@example.com,n=a=3Db=2Cc,r=nonce", Text(scram.GetInitialResponse()));
    }

    [Fact]
    public void User_name_is_prepared_with_SASLprep()
    {
        var scram = new ScramMechanism(ScramAlgorithm.Sha256, "I\u00ADX", "pencil", null, null, false, "nonce");

        Assert.Equal("n,,n=IX,r=nonce", Text(scram.GetInitialResponse()));
    }

    [Fact]
    public void Password_is_prepared_with_SASLprep_so_equivalent_spellings_log_in()
    {
        // U+2168 ROMAN NUMERAL NINE prepares to "IX": the server was given the prepared form.
        var server = new ScramTestServer(HashAlgorithmName.SHA256, "user", "IX", RandomNumberGenerator.GetBytes(16), 4096, "s");
        var client = new ScramMechanism(ScramAlgorithm.Sha256, "user", "\u2168", null, null, false);

        string clientFinal = Text(client.RespondToChallenge(Utf8(server.GetServerFirst(Text(client.GetInitialResponse())))));

        Assert.StartsWith("v=", server.GetServerFinal(clientFinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_password_is_refused_by_the_server()
    {
        var server = new ScramTestServer(HashAlgorithmName.SHA256, "user", "right", RandomNumberGenerator.GetBytes(16), 4096, "s");
        var client = new ScramMechanism(ScramAlgorithm.Sha256, "user", "wrong", null, null, false);

        string clientFinal = Text(client.RespondToChallenge(Utf8(server.GetServerFirst(Text(client.GetInitialResponse())))));

        Assert.Equal("e=invalid-proof", server.GetServerFinal(clientFinal));
    }

    [Fact]
    public void Random_nonces_are_long_printable_and_differ()
    {
        string Nonce() => Text(new ScramMechanism(ScramAlgorithm.Sha256, "u", "p", null, null, false).GetInitialResponse()).Split(",r=")[1];

        string first = Nonce();

        Assert.True(first.Length >= 32);
        Assert.All(first, c => Assert.True(c is > ' ' and <= '~' and not ','));
        Assert.NotEqual(first, Nonce());
    }

    [Theory]
    [InlineData(true, "y,,")]
    [InlineData(false, "n,,")]
    public void Gs2_flag_without_binding_follows_client_support(bool clientSupportsBinding, string header)
    {
        var scram = new ScramMechanism(ScramAlgorithm.Sha256, "u", "p", null, null, clientSupportsBinding, "n");

        Assert.Equal(header, scram.Gs2Header);
        Assert.Equal("SCRAM-SHA-256", scram.Name);
    }

    [Fact]
    public void Prohibited_password_is_refused_before_anything_is_sent()
    {
        var e = Assert.Throws<ArgumentException>(() => new ScramMechanism(ScramAlgorithm.Sha256, "user", "pass\u0007word", null, null, false));

        Assert.DoesNotContain("pass", e.Message.Replace("password", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
