using Xmpp.Client.Sasl;

namespace Xmpp.Client.Tests.Sasl;

public class SaslMechanismSelectorTests
{
    private static readonly ChannelBindingData Unique = new(ChannelBindingData.TlsUnique, new byte[12]);
    private static readonly ChannelBindingData EndPoint = new(ChannelBindingData.TlsServerEndPoint, new byte[32]);

    private static SaslMechanism Select(
        string[] offered,
        IReadOnlyList<ChannelBindingData>? bindings = null,
        string[]? serverBindingTypes = null,
        string[]? allowed = null,
        bool isEncrypted = true,
        bool allowPlainWithoutTls = false,
        string? username = "user") =>
        SaslMechanismSelector.Select(
            offered, username, "pencil", allowed, bindings ?? [], serverBindingTypes, isEncrypted, allowPlainWithoutTls);

    private static string Gs2(SaslMechanism mechanism) => Assert.IsType<ScramMechanism>(mechanism).Gs2Header;

    [Fact]
    public void Strongest_mutually_offered_mechanism_wins()
    {
        Assert.Equal("SCRAM-SHA-512", Select(["PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512"]).Name);
        Assert.Equal("SCRAM-SHA-256", Select(["PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256"]).Name);
        Assert.Equal("SCRAM-SHA-1", Select(["PLAIN", "SCRAM-SHA-1"]).Name);
        Assert.Equal("PLAIN", Select(["PLAIN", "X-OAUTH2"]).Name);
    }

    [Fact]
    public void Plus_variant_wins_over_every_plain_scram_when_a_binding_is_accepted()
    {
        SaslMechanism mechanism = Select(
            ["SCRAM-SHA-512", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS"], [EndPoint], [ChannelBindingData.TlsServerEndPoint]);

        Assert.Equal("SCRAM-SHA-256-PLUS", mechanism.Name);
        Assert.Equal("p=tls-server-end-point,,", Gs2(mechanism));
    }

    [Fact]
    public void Plus_is_not_used_without_a_binding_and_the_flag_is_n()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"]);

        Assert.Equal("SCRAM-SHA-256", mechanism.Name);
        Assert.Equal("n,,", Gs2(mechanism));
    }

    [Fact]
    public void Without_the_xep0440_list_tls_unique_is_assumed_acceptable()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], [Unique, EndPoint]);

        Assert.Equal("SCRAM-SHA-256-PLUS", mechanism.Name);
        Assert.Equal("p=tls-unique,,", Gs2(mechanism));
    }

    [Fact]
    public void Without_the_xep0440_list_server_end_point_is_not_assumed_and_the_flag_is_n()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], [EndPoint]);

        Assert.Equal("SCRAM-SHA-256", mechanism.Name);
        Assert.Equal("n,,", Gs2(mechanism));
    }

    [Fact]
    public void Plus_offered_but_no_common_binding_type_uses_flag_n_never_y()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], [Unique, EndPoint], [ChannelBindingData.TlsExporter]);

        Assert.Equal("SCRAM-SHA-256", mechanism.Name);
        Assert.Equal("n,,", Gs2(mechanism));
    }

    [Fact]
    public void Plus_not_offered_but_a_binding_available_uses_flag_y()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256", "PLAIN"], [EndPoint]);

        Assert.Equal("SCRAM-SHA-256", mechanism.Name);
        Assert.Equal("y,,", Gs2(mechanism));
    }

    [Fact]
    public void Plus_disallowed_by_the_user_while_the_server_offers_it_uses_flag_n()
    {
        SaslMechanism mechanism = Select(["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"], [Unique], allowed: ["SCRAM-SHA-256"]);

        Assert.Equal("SCRAM-SHA-256", mechanism.Name);
        Assert.Equal("n,,", Gs2(mechanism));
    }

    [Fact]
    public void Tls_unique_is_preferred_over_server_end_point_when_the_server_accepts_both()
    {
        SaslMechanism mechanism = Select(
            ["SCRAM-SHA-1-PLUS"], [EndPoint, Unique], [ChannelBindingData.TlsServerEndPoint, ChannelBindingData.TlsUnique]);

        Assert.Equal("p=tls-unique,,", Gs2(mechanism));
    }

    [Fact]
    public void Plain_is_refused_without_tls_and_the_error_says_why()
    {
        var e = Assert.Throws<XmppAuthenticationException>(() => Select(["PLAIN"], isEncrypted: false));

        Assert.Equal(SaslFailureCondition.NoAcceptableMechanism, e.Condition);
        Assert.Contains("not encrypted", e.Message, StringComparison.Ordinal);
        Assert.Contains("The server offers: PLAIN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_without_tls_falls_back_past_to_scram_when_both_are_offered()
    {
        Assert.Equal("SCRAM-SHA-1", Select(["PLAIN", "SCRAM-SHA-1"], isEncrypted: false).Name);
    }

    [Fact]
    public void Plain_without_tls_is_used_when_the_user_opted_out()
    {
        Assert.IsType<PlainMechanism>(Select(["PLAIN"], isEncrypted: false, allowPlainWithoutTls: true));
    }

    [Fact]
    public void User_list_order_is_the_preference()
    {
        Assert.Equal("SCRAM-SHA-1", Select(["SCRAM-SHA-1", "SCRAM-SHA-256"], allowed: ["SCRAM-SHA-1", "SCRAM-SHA-256"]).Name);
    }

    [Fact]
    public void User_list_names_are_case_insensitive_and_unknown_names_are_skipped()
    {
        Assert.Equal("SCRAM-SHA-256", Select(["scram-sha-256"], allowed: ["X-UNKNOWN", "scram-sha-256"]).Name);
    }

    [Fact]
    public void No_common_mechanism_lists_what_each_side_has()
    {
        var e = Assert.Throws<XmppAuthenticationException>(() => Select(["DIGEST-MD5", "PLAIN"], allowed: ["SCRAM-SHA-256"]));

        Assert.Equal(SaslFailureCondition.NoAcceptableMechanism, e.Condition);
        Assert.Contains("The server offers: DIGEST-MD5, PLAIN", e.Message, StringComparison.Ordinal);
        Assert.Contains("the client allows: SCRAM-SHA-256", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Mechanism);
    }

    [Fact]
    public void Account_without_user_name_uses_anonymous()
    {
        Assert.IsType<AnonymousMechanism>(Select(["SCRAM-SHA-256", "ANONYMOUS"], username: null));
    }

    [Fact]
    public void Account_without_user_name_fails_when_anonymous_is_not_offered()
    {
        var e = Assert.Throws<XmppAuthenticationException>(() => Select(["SCRAM-SHA-256", "PLAIN"], username: null));

        Assert.Equal(SaslFailureCondition.NoAcceptableMechanism, e.Condition);
        Assert.Contains("ANONYMOUS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_is_never_chosen_for_an_account_with_a_user_name_unless_listed()
    {
        Assert.Throws<XmppAuthenticationException>(() => Select(["ANONYMOUS"]));
        Assert.IsType<AnonymousMechanism>(Select(["ANONYMOUS", "PLAIN"], allowed: ["ANONYMOUS"]));
    }

    [Fact]
    public void Plus_refusal_is_explained_when_nothing_else_is_acceptable()
    {
        var e = Assert.Throws<XmppAuthenticationException>(
            () => Select(["SCRAM-SHA-256-PLUS"], [EndPoint], [ChannelBindingData.TlsExporter]));

        Assert.Contains("tls-server-end-point", e.Message, StringComparison.Ordinal);
        Assert.Contains("tls-exporter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_selection_creates_a_fresh_mechanism()
    {
        Assert.NotSame(Select(["SCRAM-SHA-256"]), Select(["SCRAM-SHA-256"]));
    }
}
