using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;

namespace Xmpp.Client.Tests.Extensions.DataForms;

/// <summary>Writing data forms (XEP-0004): submissions of received forms, forms built here, and the smallest ones.</summary>
public class DataFormWritingTests
{
    private const string Ns = "jabber:x:data";

    private static readonly XNamespace X = Ns;

    private static DataForm Read(string xml) => DataForm.FromXElement(XElement.Parse(xml));

    [Fact]
    public void A_submission_copies_the_named_fields_with_their_kinds_and_values_and_nothing_else()
    {
        var form = Read($"""
            <x xmlns='{Ns}' type='form'><title>T</title><instructions>I</instructions>
              <field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>
              <field type='fixed'><value>Section</value></field>
              <field type='text-single' label='Name' var='muc#roomconfig_roomname'><desc>d</desc><required/><value>Old</value></field>
              <field type='list-single' var='muc#roomconfig_maxusers'><value>20</value><option label='10'><value>10</value></option></field>
              <field type='boolean' var='muc#roomconfig_persistentroom'><value>0</value></field>
            </x>
            """);

        var submission = form.CreateSubmission()
            .SetValue("muc#roomconfig_roomname", "x")
            .SetBoolean("muc#roomconfig_persistentroom", true);
        var xml = submission.ToXElement();

        Assert.Equal("submit", (string?)xml.Attribute("type"));
        Assert.Null(xml.Element(X + "title"));
        Assert.Null(xml.Element(X + "instructions"));
        var fields = xml.Elements(X + "field").ToList();
        Assert.Equal(["FORM_TYPE", "muc#roomconfig_roomname", "muc#roomconfig_maxusers", "muc#roomconfig_persistentroom"],
            fields.Select(field => (string?)field.Attribute("var")));
        Assert.Equal(["hidden", "text-single", "list-single", "boolean"], fields.Select(field => (string?)field.Attribute("type")));
        Assert.Equal("x", fields[1].Element(X + "value")!.Value);
        Assert.Equal("20", fields[2].Element(X + "value")!.Value);
        Assert.Equal("true", fields[3].Element(X + "value")!.Value);
        Assert.All(fields, field => Assert.DoesNotContain(field.Elements(), child => child.Name != X + "value"));
        Assert.All(fields, field => Assert.Null(field.Attribute("label")));
        Assert.Equal("Old", form.GetValue("muc#roomconfig_roomname"));
        Assert.Equal("http://jabber.org/protocol/muc#roomconfig", DataForm.FromXElement(xml).FormType);
    }

    [Fact]
    public void Setters_replace_values_add_missing_fields_and_split_lines()
    {
        var form = new DataForm(DataFormType.Submit)
            .SetValues("list", ["a", "b"])
            .SetJid("owner", Jid.Parse("juliet@capulet.lit"))
            .SetJids("admins", [Jid.Parse("a@b.c"), Jid.Parse("d@e.f")])
            .SetLines("desc", ["one\ntwo", "three"])
            .SetValue("plain", "v")
            .SetValue("list", "c");

        Assert.Equal(["c"], form.GetValues("list"));
        Assert.Equal(DataFormFieldType.JidSingle, form.GetField("owner")!.Type);
        Assert.Equal(2, form.GetJids("admins").Count);
        Assert.Equal(["one", "two", "three"], form.GetValues("desc"));
        Assert.Null(form.GetField("plain")!.ToXElement().Attribute("type"));
        Assert.True(form.RemoveField("plain"));
        Assert.Null(form.GetField("plain"));
        Assert.Throws<ArgumentException>(() => form.AddField(new DataFormField("list")));
    }

    [Fact]
    public void A_form_with_only_a_form_type_writes_one_hidden_field()
    {
        var form = new DataForm(DataFormType.Submit, "http://jabber.org/protocol/pubsub#publish-options");

        var xml = form.ToXElement();

        var field = Assert.Single(xml.Elements());
        Assert.Equal("FORM_TYPE", (string?)field.Attribute("var"));
        Assert.Equal("hidden", (string?)field.Attribute("type"));
        Assert.Equal("http://jabber.org/protocol/pubsub#publish-options", field.Element(X + "value")!.Value);
        Assert.Equal(form.FormType, DataForm.FromXElement(xml).FormType);
    }

    [Fact]
    public void An_empty_submission_and_a_cancellation_are_bare_elements()
    {
        Assert.Equal("<x type=\"submit\" xmlns=\"jabber:x:data\" />", new DataForm(DataFormType.Submit).ToXElement().ToString());
        Assert.Equal("<x type=\"cancel\" xmlns=\"jabber:x:data\" />", new DataForm(DataFormType.Cancel).ToXElement().ToString());
        Assert.Empty(DataForm.FromXElement(XElement.Parse($"<x xmlns='{Ns}' type='submit'/>")).Fields);
    }

    [Fact]
    public void A_form_built_here_round_trips_with_labels_options_and_required()
    {
        var form = new DataForm(DataFormType.Form) { Title = "Poll", Instructions = ["Pick one"] }
            .AddField(new DataFormField("colour", DataFormFieldType.ListSingle, ["red"])
            {
                Label = "Colour",
                Description = "Your favourite",
                Required = true,
                Options = [new DataFormOption("red", "Red"), new DataFormOption("blue")],
            })
            .AddField(new DataFormField(null, DataFormFieldType.Fixed, ["Thanks"]));

        var again = DataForm.FromXElement(form.ToXElement());

        Assert.Equal("Poll", again.Title);
        Assert.Equal(["Pick one"], again.Instructions);
        var colour = again.GetField("colour")!;
        Assert.Equal(("Colour", "Your favourite", true), (colour.Label, colour.Description, colour.Required));
        Assert.Equal(form.GetField("colour")!.Options, colour.Options);
        Assert.Equal("Thanks", again.Fields[1].Value);
    }

    [Fact]
    public void A_field_needs_a_var_unless_it_is_fixed()
    {
        Assert.Throws<ArgumentException>(() => new DataFormField(null));
        Assert.Throws<ArgumentException>(() => new DataFormField(""));
        Assert.Null(new DataFormField(null, DataFormFieldType.Fixed).Var);
    }
}
