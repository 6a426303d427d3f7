using System.Text;
using Xmpp.Client.Sasl;

namespace Xmpp.Client.Tests.Sasl;

public class SaslErrorsTests
{
    [Theory]
    [InlineData("aborted", SaslFailureCondition.Aborted)]
    [InlineData("account-disabled", SaslFailureCondition.AccountDisabled)]
    [InlineData("credentials-expired", SaslFailureCondition.CredentialsExpired)]
    [InlineData("encryption-required", SaslFailureCondition.EncryptionRequired)]
    [InlineData("incorrect-encoding", SaslFailureCondition.IncorrectEncoding)]
    [InlineData("invalid-authzid", SaslFailureCondition.InvalidAuthzid)]
    [InlineData("invalid-mechanism", SaslFailureCondition.InvalidMechanism)]
    [InlineData("malformed-request", SaslFailureCondition.MalformedRequest)]
    [InlineData("mechanism-too-weak", SaslFailureCondition.MechanismTooWeak)]
    [InlineData("not-authorized", SaslFailureCondition.NotAuthorized)]
    [InlineData("temporary-auth-failure", SaslFailureCondition.TemporaryAuthFailure)]
    [InlineData("bad-protocol", SaslFailureCondition.Unknown)]
    [InlineData("Not-Authorized", SaslFailureCondition.Unknown)]
    public void ParseCondition_maps_each_RFC_6120_condition(string element, SaslFailureCondition expected)
    {
        Assert.Equal(expected, SaslErrors.ParseCondition(element));
    }

    [Fact]
    public void Failure_message_names_the_mechanism_the_advice_and_the_server_text()
    {
        XmppAuthenticationException e = SaslErrors.Failure(SaslFailureCondition.NotAuthorized, "Invalid username or password", "SCRAM-SHA-1");

        Assert.Equal(SaslFailureCondition.NotAuthorized, e.Condition);
        Assert.Equal("SCRAM-SHA-1", e.Mechanism);
        Assert.Equal("Invalid username or password", e.ServerText);
        Assert.Contains("check the JID's local part and the password", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"Invalid username or password\"", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<XmppException>(e);
    }

    [Fact]
    public void Every_condition_has_its_own_advice()
    {
        var messages = Enum.GetValues<SaslFailureCondition>()
            .Where(c => c <= SaslFailureCondition.TemporaryAuthFailure)
            .Select(c => SaslErrors.Failure(c, null, "PLAIN").Message)
            .ToList();

        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    [Fact]
    public void Plain_and_anonymous_reject_challenges_and_accept_success()
    {
        var plain = new PlainMechanism("user", "pencil");
        var anonymous = new AnonymousMechanism();

        Assert.Equal("\0user\0pencil", Encoding.UTF8.GetString(plain.GetInitialResponse()));
        Assert.Empty(anonymous.GetInitialResponse());
        Assert.Equal(
            SaslFailureCondition.InvalidServerResponse,
            Assert.Throws<XmppAuthenticationException>(() => plain.RespondToChallenge("x"u8)).Condition);
        Assert.Throws<XmppAuthenticationException>(() => anonymous.RespondToChallenge("x"u8));
        plain.VerifySuccess([]);
        anonymous.VerifySuccess([]);
    }

    [Fact]
    public void Plain_sends_the_authorization_identity_first()
    {
        Assert.Equal("admin\0user\0pencil", Encoding.UTF8.GetString(new PlainMechanism("user", "pencil", "admin").GetInitialResponse()));
    }

    [Theory]
    [InlineData("", "p")]
    [InlineData("u\0", "p")]
    [InlineData("u", "")]
    [InlineData("u", "p\0")]
    public void Plain_rejects_empty_or_nul_containing_credentials(string username, string password)
    {
        Assert.Throws<ArgumentException>(() => new PlainMechanism(username, password));
    }
}
