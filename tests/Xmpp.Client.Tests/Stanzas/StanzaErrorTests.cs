using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class StanzaErrorTests
{
    /// <summary>Every condition of RFC 6120 §8.3.3 with the error type the RFC says it SHOULD have (the first when it names two).</summary>
    public static TheoryData<string, StanzaErrorCondition, StanzaErrorType> Conditions => new()
    {
        { "bad-request", StanzaErrorCondition.BadRequest, StanzaErrorType.Modify },
        { "conflict", StanzaErrorCondition.Conflict, StanzaErrorType.Cancel },
        { "feature-not-implemented", StanzaErrorCondition.FeatureNotImplemented, StanzaErrorType.Cancel },
        { "forbidden", StanzaErrorCondition.Forbidden, StanzaErrorType.Auth },
        { "gone", StanzaErrorCondition.Gone, StanzaErrorType.Cancel },
        { "internal-server-error", StanzaErrorCondition.InternalServerError, StanzaErrorType.Cancel },
        { "item-not-found", StanzaErrorCondition.ItemNotFound, StanzaErrorType.Cancel },
        { "jid-malformed", StanzaErrorCondition.JidMalformed, StanzaErrorType.Modify },
        { "not-acceptable", StanzaErrorCondition.NotAcceptable, StanzaErrorType.Modify },
        { "not-allowed", StanzaErrorCondition.NotAllowed, StanzaErrorType.Cancel },
        { "not-authorized", StanzaErrorCondition.NotAuthorized, StanzaErrorType.Auth },
        { "policy-violation", StanzaErrorCondition.PolicyViolation, StanzaErrorType.Modify },
        { "recipient-unavailable", StanzaErrorCondition.RecipientUnavailable, StanzaErrorType.Wait },
        { "redirect", StanzaErrorCondition.Redirect, StanzaErrorType.Modify },
        { "registration-required", StanzaErrorCondition.RegistrationRequired, StanzaErrorType.Auth },
        { "remote-server-not-found", StanzaErrorCondition.RemoteServerNotFound, StanzaErrorType.Cancel },
        { "remote-server-timeout", StanzaErrorCondition.RemoteServerTimeout, StanzaErrorType.Wait },
        { "resource-constraint", StanzaErrorCondition.ResourceConstraint, StanzaErrorType.Wait },
        { "service-unavailable", StanzaErrorCondition.ServiceUnavailable, StanzaErrorType.Cancel },
        { "subscription-required", StanzaErrorCondition.SubscriptionRequired, StanzaErrorType.Auth },
        { "undefined-condition", StanzaErrorCondition.UndefinedCondition, StanzaErrorType.Cancel },
        { "unexpected-request", StanzaErrorCondition.UnexpectedRequest, StanzaErrorType.Wait },
    };

    private static StanzaError ErrorOf(string errorXml) =>
        Parse<Message>($"<message type='error' id='m'>{errorXml}</message>").Error!;

    [Fact]
    public void An_application_specific_condition_is_read_with_its_namespace()
    {
        var error = ErrorOf("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + "<precondition-not-met xmlns='http://jabber.org/protocol/pubsub#errors'/></error>");

        Assert.Equal(StanzaErrorCondition.Conflict, error.Condition);
        Assert.Equal(XName.Get("precondition-not-met", "http://jabber.org/protocol/pubsub#errors"), error.ApplicationCondition);
        Assert.Null(ErrorOf("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>").ApplicationCondition);
    }

    [Fact]
    public void The_application_specific_element_is_kept_with_its_children_and_attributes()
    {
        var error = ErrorOf("<error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + "<file-too-large xmlns='urn:xmpp:http:upload:0' by='x'><max-file-size>20000</max-file-size></file-too-large></error>");

        XNamespace upload = "urn:xmpp:http:upload:0";
        Assert.Equal(upload + "file-too-large", error.ApplicationElement!.Name);
        Assert.Equal("20000", error.ApplicationElement.Element(upload + "max-file-size")!.Value);
        Assert.Equal("x", (string?)error.ApplicationElement.Attribute("by"));
        Assert.Null(ErrorOf("<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>").ApplicationElement);
    }

    [Fact]
    public void An_application_specific_condition_set_on_an_error_is_sent_after_the_defined_one()
    {
        var request = new Iq(IqType.Set, new XElement(XName.Get("jingle", "urn:xmpp:jingle:1")), "j1");
        var error = new StanzaError(StanzaErrorCondition.ItemNotFound) { ApplicationCondition = XName.Get("unknown-session", "urn:xmpp:jingle:errors:1") };

        var sent = request.CreateError(error).ToXElement().Element(XName.Get("error", "jabber:client"))!;

        Assert.Equal(["{urn:ietf:params:xml:ns:xmpp-stanzas}item-not-found", "{urn:xmpp:jingle:errors:1}unknown-session"], sent.Elements().Select(e => e.Name.ToString()));
        Assert.Throws<ArgumentException>(() => new StanzaError(StanzaErrorCondition.BadRequest) { ApplicationCondition = XName.Get("x", "urn:ietf:params:xml:ns:xmpp-stanzas") });
        Assert.Throws<ArgumentException>(() => new StanzaError(StanzaErrorCondition.BadRequest) { ApplicationCondition = XName.Get("x") });
    }

    [Fact]
    public void The_table_covers_every_condition_of_the_enum()
    {
        var covered = Conditions.Select(row => (StanzaErrorCondition)row[1]).ToHashSet();

        Assert.Equal(Enum.GetValues<StanzaErrorCondition>().Where(c => c != StanzaErrorCondition.Unknown).ToHashSet(), covered);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Parses_each_condition(string name, StanzaErrorCondition condition, StanzaErrorType defaultType)
    {
        _ = defaultType;
        StanzaError error = ErrorOf($"<error type='wait'><{name} xmlns='{StanzasUri}'/></error>");

        Assert.Equal(condition, error.Condition);
        Assert.Equal(name, error.ConditionName);
        Assert.Equal(StanzaErrorType.Wait, error.Type);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_new_error_gets_the_type_rfc_6120_gives_its_condition(string name, StanzaErrorCondition condition, StanzaErrorType defaultType)
    {
        var error = new StanzaError(condition);

        Assert.Equal(defaultType, error.Type);
        Assert.Equal(name, error.ConditionName);
        Assert.Null(error.Text);
        Assert.Null(error.By);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Each_condition_survives_an_error_reply(string name, StanzaErrorCondition condition, StanzaErrorType defaultType)
    {
        var request = new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping")), "p");

        Iq reply = StanzaFactory.FromElement(request.CreateError(condition).Element) as Iq ?? throw new InvalidOperationException();

        Assert.Equal((condition, name, defaultType), (reply.Error!.Condition, reply.Error.ConditionName, reply.Error.Type));
    }

    [Theory]
    [InlineData("cancel", StanzaErrorType.Cancel)]
    [InlineData("continue", StanzaErrorType.Continue)]
    [InlineData("modify", StanzaErrorType.Modify)]
    [InlineData("auth", StanzaErrorType.Auth)]
    [InlineData("wait", StanzaErrorType.Wait)]
    public void Parses_each_error_type(string attribute, StanzaErrorType type)
    {
        StanzaError error = ErrorOf($"<error type='{attribute}'><bad-request xmlns='{StanzasUri}'/></error>");

        Assert.Equal(type, error.Type);
        Assert.Contains($"({attribute})", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_type_overrides_the_default()
    {
        Assert.Equal(StanzaErrorType.Wait, new StanzaError(StanzaErrorCondition.PolicyViolation, type: StanzaErrorType.Wait).Type);
    }

    [Fact]
    public void Parses_text_and_by()
    {
        StanzaError error = ErrorOf(
            $"<error type='cancel' by='example.net'><remote-server-not-found xmlns='{StanzasUri}'/>" +
            $"<text xmlns='{StanzasUri}' xml:lang='en'>No such server</text></error>");

        Assert.Equal("No such server", error.Text);
        Assert.Equal("example.net", error.By);
    }

    [Fact]
    public void An_unknown_condition_keeps_its_name()
    {
        StanzaError error = ErrorOf($"<error type='cancel'><payment-required xmlns='{StanzasUri}'/></error>");

        Assert.Equal(StanzaErrorCondition.Unknown, error.Condition);
        Assert.Equal("payment-required", error.ConditionName);
        Assert.Equal("payment-required (cancel)", error.ToString());
    }

    [Fact]
    public void The_condition_is_the_first_stanzas_element_that_is_not_text()
    {
        StanzaError error = ErrorOf(
            $"<error type='modify'><text xmlns='{StanzasUri}'>first the text</text><app xmlns='urn:app'/>" +
            $"<not-acceptable xmlns='{StanzasUri}'/><conflict xmlns='{StanzasUri}'/></error>");

        Assert.Equal(StanzaErrorCondition.NotAcceptable, error.Condition);
        Assert.Equal("first the text", error.Text);
    }

    [Fact]
    public void An_application_specific_condition_alone_reads_as_undefined_condition()
    {
        StanzaError error = ErrorOf("<error type='cancel'><invalid-jid xmlns='http://jabber.org/protocol/pubsub#errors'/></error>");

        Assert.Equal(StanzaErrorCondition.UndefinedCondition, error.Condition);
        Assert.Equal("undefined-condition", error.ConditionName);
    }

    [Fact]
    public void A_condition_in_another_namespace_is_not_a_defined_condition()
    {
        StanzaError error = ErrorOf("<error type='cancel'><item-not-found xmlns='urn:other'/></error>");

        Assert.Equal(StanzaErrorCondition.UndefinedCondition, error.Condition);
    }

    [Fact]
    public void A_missing_or_unknown_type_reads_as_cancel()
    {
        Assert.Equal(StanzaErrorType.Cancel, ErrorOf($"<error><bad-request xmlns='{StanzasUri}'/></error>").Type);
        Assert.Equal(StanzaErrorType.Cancel, ErrorOf($"<error type='later'><bad-request xmlns='{StanzasUri}'/></error>").Type);
    }

    [Fact]
    public void Error_is_null_when_the_stanza_has_no_error_element()
    {
        Assert.Null(Parse<Message>("<message type='error'/>").Error);
        Assert.Null(Parse<Message>($"<message><error xmlns='urn:other' type='cancel'><bad-request xmlns='{StanzasUri}'/></error></message>").Error);
    }

    [Fact]
    public void Presence_errors_are_read_too()
    {
        var presence = Parse<Presence>($"<presence type='error'><error type='auth'><forbidden xmlns='{StanzasUri}'/></error></presence>");

        Assert.Equal(StanzaErrorCondition.Forbidden, presence.Error!.Condition);
        Assert.Equal(StanzaErrorType.Auth, presence.Error.Type);
    }

    [Fact]
    public void ToString_names_condition_type_and_text()
    {
        Assert.Equal("item-not-found (cancel)", new StanzaError(StanzaErrorCondition.ItemNotFound).ToString());
        Assert.Equal("not-authorized (auth): Log in first", new StanzaError(StanzaErrorCondition.NotAuthorized, "Log in first").ToString());
        Assert.Equal("conflict (wait)", new StanzaError(StanzaErrorCondition.Conflict, type: StanzaErrorType.Wait).ToString());
    }

    [Fact]
    public void An_unknown_condition_is_written_as_undefined_condition()
    {
        var error = new StanzaError(StanzaErrorCondition.Unknown);

        Assert.Equal("undefined-condition", error.ConditionName);
        Assert.Equal(StanzaErrorType.Cancel, error.Type);
    }

    [Fact]
    public void An_unknown_received_condition_is_sent_back_by_its_name()
    {
        StanzaError received = ErrorOf($"<error type='auth'><payment-required xmlns='{StanzasUri}'/></error>");
        var request = new Iq(IqType.Get, new XElement(XName.Get("ping", "urn:xmpp:ping")), "p");

        XElement error = request.CreateError(received).ToXElement().Element(ClientNs + "error")!;

        Assert.Equal("auth", error.Attribute("type")?.Value);
        Assert.Equal(StanzasNs + "payment-required", error.Elements().Single().Name);
    }
}
