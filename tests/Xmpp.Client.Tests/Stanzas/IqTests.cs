using System.Xml.Linq;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Stanzas.StanzaXml;

namespace Xmpp.Client.Tests.Stanzas;

public class IqTests
{
    private static readonly XName Ping = XName.Get("ping", "urn:xmpp:ping");
    private static readonly XName Roster = XName.Get("query", "jabber:iq:roster");

    [Theory]
    [InlineData(IqType.Get, "get")]
    [InlineData(IqType.Set, "set")]
    public void A_request_needs_a_payload(IqType type, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new Iq(type));

        Assert.Equal("payload", error.ParamName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("payload", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IqType.Result)]
    [InlineData(IqType.Error)]
    public void An_answer_needs_no_payload(IqType type)
    {
        var iq = new Iq(type, id: "a1");

        Assert.Equal(type, iq.Type);
        Assert.Null(iq.Payload);
        Assert.Null(iq.PayloadName);
        Assert.False(iq.ToXElement().HasElements);
    }

    [Fact]
    public void Constructor_writes_type_id_and_a_copy_of_the_payload()
    {
        var payload = new XElement(Roster);
        var iq = new Iq(IqType.Get, payload, "r1");

        payload.Add(new XElement(Roster.Namespace + "item"));

        Assert.Equal("<iq type=\"get\" id=\"r1\" xmlns=\"jabber:client\"><query xmlns=\"jabber:iq:roster\" /></iq>", iq.ToString());
    }

    [Theory]
    [InlineData(IqType.Get, "get")]
    [InlineData(IqType.Set, "set")]
    [InlineData(IqType.Result, "result")]
    [InlineData(IqType.Error, "error")]
    public void Type_round_trips_through_the_attribute(IqType type, string attribute)
    {
        var iq = new Iq(type, new XElement(Ping), "i1");

        Assert.Equal(attribute, iq.ToXElement().Attribute("type")?.Value);
        Assert.Equal(type, Parse<Iq>($"<iq type='{attribute}' id='i1'/>").Type);
    }

    [Theory]
    [InlineData("<iq id='i1'/>")]
    [InlineData("<iq id='i1' type='bogus'/>")]
    public void Type_reports_a_missing_or_unknown_type_as_error(string xml)
    {
        Assert.Equal(IqType.Error, Parse<Iq>(xml).Type);
    }

    [Fact]
    public void A_type_outside_the_enum_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Iq((IqType)17, new XElement(Ping)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Iq((IqType)17));
    }

    [Fact]
    public void An_empty_id_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Iq(IqType.Get, new XElement(Ping), ""));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void A_null_id_is_replaced_by_a_random_one()
    {
        var iq = new Iq(IqType.Get, new XElement(Ping));

        Assert.False(string.IsNullOrEmpty(iq.Id));
        Assert.Equal(iq.Id, iq.ToXElement().Attribute("id")?.Value);
    }

    [Fact]
    public void Generated_ids_are_unique_across_ten_thousand_requests()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.True(ids.Add(new Iq(IqType.Get, new XElement(Ping)).Id!));
        }
    }

    [Fact]
    public void Setting_the_id_to_null_or_empty_throws()
    {
        var iq = new Iq(IqType.Get, new XElement(Ping), "keep");

        Assert.Throws<ArgumentException>(() => iq.Id = null);
        Assert.Throws<ArgumentException>(() => iq.Id = "");
        Assert.Equal("keep", iq.Id);
    }

    [Fact]
    public void Setting_the_id_changes_the_attribute()
    {
        var iq = new Iq(IqType.Get, new XElement(Ping), "a");

        iq.Id = "b";

        Assert.Equal("b", iq.ToXElement().Attribute("id")?.Value);
    }

    [Theory]
    [InlineData(IqType.Get, true)]
    [InlineData(IqType.Set, true)]
    [InlineData(IqType.Result, false)]
    [InlineData(IqType.Error, false)]
    public void IsRequest_is_true_for_get_and_set(IqType type, bool expected)
    {
        Assert.Equal(expected, new Iq(type, new XElement(Ping)).IsRequest);
    }

    [Fact]
    public void Payload_is_the_first_child_and_a_copy()
    {
        var iq = Parse<Iq>("<iq type='result' id='r'><query xmlns='jabber:iq:roster'><item jid='a@b'/></query></iq>");

        XElement payload = iq.Payload!;
        payload.RemoveAll();

        Assert.Equal(Roster, iq.PayloadName);
        Assert.Single(iq.Payload!.Elements());
    }

    [Fact]
    public void Payload_skips_the_error_element()
    {
        var iq = Parse<Iq>(
            "<iq type='error' id='e'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>" +
            "<ping xmlns='urn:xmpp:ping'/></iq>");

        Assert.Equal(Ping, iq.PayloadName);
        Assert.Equal(Ping, iq.Payload!.Name);
    }

    [Fact]
    public void An_error_iq_without_the_original_payload_has_none()
    {
        var iq = Parse<Iq>("<iq type='error' id='e'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        Assert.Null(iq.Payload);
        Assert.Null(iq.PayloadName);
        Assert.Equal(StanzaErrorCondition.ItemNotFound, iq.Error!.Condition);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jabber:client")]
    public void A_payload_without_its_own_namespace_is_rejected(string ns)
    {
        var error = Assert.Throws<ArgumentException>(() => new Iq(IqType.Get, new XElement(XName.Get("query", ns))));

        Assert.Equal("payload", error.ParamName);
    }

    [Fact]
    public void CreateResult_answers_the_requester_with_the_same_id()
    {
        var request = Parse<Iq>("<iq type='get' id='v1' from='romeo@example.net/orchard' to='juliet@example.com/balcony'><ping xmlns='urn:xmpp:ping'/></iq>");

        Iq result = request.CreateResult();

        Assert.Equal(IqType.Result, result.Type);
        Assert.Equal("v1", result.Id);
        Assert.Equal(Jid.Parse("romeo@example.net/orchard"), result.To);
        Assert.Null(result.From);
        Assert.Null(result.Payload);
        Assert.Equal("<iq type=\"result\" id=\"v1\" to=\"romeo@example.net/orchard\" xmlns=\"jabber:client\" />", result.ToString());
    }

    [Fact]
    public void CreateResult_carries_the_given_payload()
    {
        var request = Parse<Iq>("<iq type='get' id='q'><query xmlns='jabber:iq:version'/></iq>");
        var version = new XElement(XName.Get("query", "jabber:iq:version"), new XElement(XName.Get("name", "jabber:iq:version"), "Xmpp.Client"));

        Iq result = request.CreateResult(version);

        Assert.Equal("Xmpp.Client", result.Payload!.Value);
        Assert.Null(result.To);
    }

    [Fact]
    public void CreateError_answers_with_the_rfc_6120_error_element()
    {
        var request = Parse<Iq>("<iq type='set' id='s1' from='romeo@example.net/orchard'><query xmlns='urn:unknown'/></iq>");

        Iq error = request.CreateError(StanzaErrorCondition.ServiceUnavailable);

        Assert.Equal(IqType.Error, error.Type);
        Assert.Equal("s1", error.Id);
        Assert.Equal(Jid.Parse("romeo@example.net/orchard"), error.To);
        Assert.Null(error.From);
        XElement expected = XElement.Parse(
            "<iq type='error' id='s1' to='romeo@example.net/orchard' xmlns='jabber:client'>" +
            "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        SameXml(expected, error.ToXElement());
    }

    [Fact]
    public void CreateError_with_text_adds_a_text_element_after_the_condition()
    {
        var request = Parse<Iq>("<iq type='get' id='g'><ping xmlns='urn:xmpp:ping'/></iq>");

        Iq error = request.CreateError(StanzaErrorCondition.ItemNotFound, "no such node");

        XElement element = error.ToXElement().Element(ClientNs + "error")!;
        Assert.Equal([StanzasNs + "item-not-found", StanzasNs + "text"], element.Elements().Select(e => e.Name));
        Assert.Equal("no such node", element.Element(StanzasNs + "text")!.Value);
        Assert.Equal("no such node", error.Error!.Text);
        Assert.Null(error.To);
    }

    [Fact]
    public void CreateError_with_a_stanza_error_keeps_its_type_and_by()
    {
        var request = Parse<Iq>("<iq type='get' id='g' from='a@b/c'><ping xmlns='urn:xmpp:ping'/></iq>");

        Iq error = request.CreateError(new StanzaError(StanzaErrorCondition.ResourceConstraint, type: StanzaErrorType.Cancel) { By = "b" });

        var expected = new XElement(ClientNs + "error", new XAttribute("type", "cancel"), new XAttribute("by", "b"),
            new XElement(StanzasNs + "resource-constraint"));
        SameXml(expected, error.ToXElement().Element(ClientNs + "error"));
        Assert.Equal(StanzaErrorType.Cancel, error.Error!.Type);
        Assert.Equal("b", error.Error.By);
    }

    [Theory]
    [InlineData("result")]
    [InlineData("error")]
    public void Only_a_request_can_be_answered(string type)
    {
        // RFC 6120 §8.2.3: an entity MUST NOT respond to a result or an error.
        var answer = Parse<Iq>($"<iq type='{type}' id='a' from='a@b/c'/>");

        Assert.Throws<InvalidOperationException>(() => answer.CreateResult());
        Assert.Throws<InvalidOperationException>(() => answer.CreateError(StanzaErrorCondition.BadRequest));
    }

    [Fact]
    public void CreateError_rejects_null()
    {
        var request = new Iq(IqType.Get, new XElement(Ping));

        Assert.Throws<ArgumentNullException>(() => request.CreateError(null!));
    }
}
