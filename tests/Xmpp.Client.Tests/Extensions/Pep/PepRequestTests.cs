using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Pep;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Pep;

/// <summary>PEP requests on the wire (XEP-0163, XEP-0060, XEP-0223): publish, retrieve, retract, delete, configure.</summary>
public class PepRequestTests
{
    private const string Tune = "http://jabber.org/protocol/tune";

    [Fact]
    public async Task Publish_sends_the_item_with_its_id_and_publish_options_and_returns_the_id_the_server_gave()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);
        var options = new DataForm(DataFormType.Submit).SetValue("pubsub#access_model", "presence");

        var publishing = live.Client.Pep().PublishAsync(Tune, new XElement(XName.Get("tune", Tune), new XElement(XName.Get("title", Tune), "Yesterday")), "current", options);
        var request = (await live.AnswerAsync(id =>
            $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><publish node='{Tune}'><item id='server-id'/></publish></pubsub></iq>")).ToX();

        Assert.Equal("server-id", await publishing.WaitAsync(Wait));
        Assert.Equal("set", (string?)request.Attribute("type"));
        Assert.Null(request.Attribute("to"));
        var pubsub = request.Element(Ps + "pubsub")!;
        var publish = pubsub.Element(Ps + "publish")!;
        Assert.Equal(Tune, (string?)publish.Attribute("node"));
        var item = publish.Element(Ps + "item")!;
        Assert.Equal("current", (string?)item.Attribute("id"));
        Assert.Equal("Yesterday", item.Element(XName.Get("tune", Tune))!.Value);
        var form = pubsub.Element(Ps + "publish-options")!.Element(X + "x")!;
        Assert.Equal("submit", (string?)form.Attribute("type"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["FORM_TYPE"] = "http://jabber.org/protocol/pubsub#publish-options",
            ["pubsub#access_model"] = "presence",
        }, FieldValues(form));
    }

    [Fact]
    public async Task Publish_without_id_or_options_sends_neither_and_returns_null_when_the_server_names_no_id()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var publishing = live.Client.Pep().PublishAsync(Tune, new XElement(XName.Get("tune", Tune)));
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();

        Assert.Null(await publishing.WaitAsync(Wait));
        var pubsub = request.Element(Ps + "pubsub")!;
        Assert.Null(pubsub.Element(Ps + "publish-options"));
        Assert.Null(pubsub.Element(Ps + "publish")!.Element(Ps + "item")!.Attribute("id"));
    }

    [Fact]
    public async Task Publish_options_the_node_does_not_match_throw_a_typed_error_naming_the_node()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var publishing = live.Client.Pep().PublishAsync(Tune, new XElement(XName.Get("tune", Tune)), null,
            new DataForm(DataFormType.Submit, PepExtension.PublishOptionsFormType).SetValue("pubsub#access_model", "whitelist"));
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
            + $"<precondition-not-met xmlns='{PubSub}#errors'/></error></iq>");

        var error = await Assert.ThrowsAsync<PepPublishOptionsException>(() => publishing.WaitAsync(Wait));
        Assert.Equal(Tune, error.Node);
        Assert.Equal(Xmpp.Client.Stanzas.StanzaErrorCondition.Conflict, error.Error.Condition);
        Assert.IsType<XmppIqErrorException>(error.InnerException);
        Assert.Contains("ConfigureNodeAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_publish_errors_stay_iq_errors()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var publishing = live.Client.Pep().PublishAsync(Tune, new XElement(XName.Get("tune", Tune)), null, new DataForm(DataFormType.Submit));
        await live.AnswerAsync(id => $"<iq type='error' id='{id}'><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");

        await Assert.ThrowsAsync<XmppIqErrorException>(() => publishing.WaitAsync(Wait));
    }

    [Fact]
    public async Task Retrieve_asks_the_owners_bare_jid_for_at_most_max_items_and_reads_ids_and_payloads()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var retrieving = live.Client.Pep().RetrieveAsync(Jid.Parse("juliet@capulet.lit/balcony"), Tune, maxItems: 2);
        var request = (await live.AnswerAsync(id =>
            $"<iq type='result' id='{id}' from='juliet@capulet.lit'><pubsub xmlns='{PubSub}'><items node='{Tune}'>"
            + $"<item id='a'><tune xmlns='{Tune}'><title>One</title></tune></item><item id='b'/></items></pubsub></iq>")).ToX();
        var items = await retrieving.WaitAsync(Wait);

        Assert.Equal(("get", "juliet@capulet.lit"), ((string?)request.Attribute("type"), (string?)request.Attribute("to")));
        var asked = request.Element(Ps + "pubsub")!.Element(Ps + "items")!;
        Assert.Equal((Tune, "2"), ((string?)asked.Attribute("node"), (string?)asked.Attribute("max_items")));
        Assert.Equal(["a", "b"], items.Select(item => item.Id));
        Assert.Equal("One", items[0].Payload!.Value);
        Assert.Null(items[1].Payload);
    }

    [Fact]
    public async Task Retrieve_of_the_own_account_has_no_to_and_no_max_items()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var retrieving = live.Client.Pep().RetrieveAsync(null, Tune);
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{PubSub}'><items node='{Tune}'/></pubsub></iq>")).ToX();

        Assert.Empty(await retrieving.WaitAsync(Wait));
        Assert.Null(request.Attribute("to"));
        Assert.Null(request.Element(Ps + "pubsub")!.Element(Ps + "items")!.Attribute("max_items"));
    }

    [Fact]
    public async Task Retract_and_delete_send_the_items_and_node_named()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var retracting = live.Client.Pep().RetractAsync(Tune, "current");
        var retract = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await retracting.WaitAsync(Wait);
        var deleting = live.Client.Pep().DeleteNodeAsync(Tune);
        var delete = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await deleting.WaitAsync(Wait);

        var retracted = retract.Element(Ps + "pubsub")!.Element(Ps + "retract")!;
        Assert.Equal((Tune, "true", "current"), ((string?)retracted.Attribute("node"), (string?)retracted.Attribute("notify"), (string?)retracted.Element(Ps + "item")!.Attribute("id")));
        Assert.Equal(Tune, (string?)delete.Element(Owner + "pubsub")!.Element(Owner + "delete")!.Attribute("node"));
    }

    [Fact]
    public async Task ConfigureNode_submits_the_nodes_form_with_the_options_set()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var configuring = live.Client.Pep().ConfigureNodeAsync(Tune,
            new DataForm(DataFormType.Submit, PepExtension.PublishOptionsFormType).SetValue("pubsub#access_model", "whitelist").SetValue("pubsub#max_items", "max"));
        var get = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'><pubsub xmlns='{Owner.NamespaceName}'><configure node='{Tune}'>"
            + $"<x xmlns='jabber:x:data' type='form'><field var='FORM_TYPE' type='hidden'><value>{PubSub}#node_config</value></field>"
            + "<field var='pubsub#access_model' type='list-single'><value>presence</value><option><value>presence</value></option></field>"
            + "<field var='pubsub#persist_items' type='boolean'><value>1</value></field></x></configure></pubsub></iq>")).ToX();
        var set = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await configuring.WaitAsync(Wait);

        Assert.Equal(Tune, (string?)get.Element(Owner + "pubsub")!.Element(Owner + "configure")!.Attribute("node"));
        var form = set.Element(Owner + "pubsub")!.Element(Owner + "configure")!.Element(X + "x")!;
        Assert.Equal(new Dictionary<string, string>
        {
            ["FORM_TYPE"] = $"{PubSub}#node_config",
            ["pubsub#access_model"] = "whitelist",
            ["pubsub#persist_items"] = "1",
            ["pubsub#max_items"] = "max",
        }, FieldValues(form));
    }

    [Fact]
    public async Task CreateNode_sends_create_with_a_node_config_form_when_given()
    {
        await using var live = await LiveServer.StartAsync(PepOnly);

        var creating = live.Client.Pep().CreateNodeAsync(Tune, new DataForm(DataFormType.Submit).SetValue("pubsub#access_model", "open"));
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await creating.WaitAsync(Wait);
        var bare = live.Client.Pep().CreateNodeAsync("urn:bare");
        var plain = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await bare.WaitAsync(Wait);

        var pubsub = request.Element(Ps + "pubsub")!;
        Assert.Equal(Tune, (string?)pubsub.Element(Ps + "create")!.Attribute("node"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["FORM_TYPE"] = PepExtension.NodeConfigFormType,
            ["pubsub#access_model"] = "open",
        }, FieldValues(pubsub.Element(Ps + "configure")!.Element(X + "x")!));
        Assert.Null(plain.Element(Ps + "pubsub")!.Element(Ps + "configure"));
    }
}
