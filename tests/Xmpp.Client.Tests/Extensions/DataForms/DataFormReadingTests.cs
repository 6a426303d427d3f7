using System.Xml.Linq;
using Xmpp.Client.Extensions.DataForms;

namespace Xmpp.Client.Tests.Extensions.DataForms;

/// <summary>Reading data forms (XEP-0004): every field type, typed values, and what malformed forms do.</summary>
public class DataFormReadingTests
{
    private const string Ns = "jabber:x:data";

    /// <summary>A room configuration form in the style of XEP-0045 §10.2, with every field type.</summary>
    private const string RoomConfig = $"""
        <x xmlns='{Ns}' type='form'>
          <title>Configuration for "coven" Room</title>
          <instructions>Your room coven@macbeth has been created!</instructions>
          <instructions>Accept the default configuration or modify it.</instructions>
          <field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>
          <field type='fixed'><value>Room settings</value></field>
          <field type='text-single' label='Natural-Language Room Name' var='muc#roomconfig_roomname'><value>Coven</value></field>
          <field type='text-multi' var='muc#roomconfig_roomdesc'><desc>A description</desc><value>first line</value><value>second line</value></field>
          <field type='boolean' label='Make Room Persistent?' var='muc#roomconfig_persistentroom'><value>1</value></field>
          <field type='boolean' var='muc#roomconfig_publicroom'><value>false</value></field>
          <field type='list-single' label='Maximum Number of Occupants' var='muc#roomconfig_maxusers'>
            <value>20</value><option label='10'><value>10</value></option><option><value>20</value></option>
          </field>
          <field type='list-multi' var='muc#roomconfig_presencebroadcast'><value>moderator</value><value>participant</value>
            <option label='Moderator'><value>moderator</value></option><option label='Participant'><value>participant</value></option></field>
          <field type='jid-multi' var='muc#roomconfig_roomadmins'><value>wiccarocks@shakespeare.lit</value><value>hecate@shakespeare.lit</value></field>
          <field type='jid-single' var='muc#roomconfig_roomowner'><value>crone1@shakespeare.lit</value></field>
          <field type='text-private' var='muc#roomconfig_roomsecret'><required/></field>
          <field var='x-untyped'><value>plain</value></field>
          <field type='x-new-kind' var='x-unknown'><value>odd</value></field>
        </x>
        """;

    private static DataForm Read(string xml) => DataForm.FromXElement(XElement.Parse(xml));

    [Fact]
    public void A_form_with_every_field_type_is_read_with_its_title_instructions_and_form_type()
    {
        var form = Read(RoomConfig);

        Assert.Equal(DataFormType.Form, form.Type);
        Assert.Equal("Configuration for \"coven\" Room", form.Title);
        Assert.Equal(2, form.Instructions.Count);
        Assert.Equal("http://jabber.org/protocol/muc#roomconfig", form.FormType);
        Assert.Equal(13, form.Fields.Count);
        Assert.Equal(
            [DataFormFieldType.Hidden, DataFormFieldType.Fixed, DataFormFieldType.TextSingle, DataFormFieldType.TextMulti,
             DataFormFieldType.Boolean, DataFormFieldType.Boolean, DataFormFieldType.ListSingle, DataFormFieldType.ListMulti,
             DataFormFieldType.JidMulti, DataFormFieldType.JidSingle, DataFormFieldType.TextPrivate, DataFormFieldType.TextSingle,
             DataFormFieldType.TextSingle],
            form.Fields.Take(13).Select(field => field.Type));
        Assert.Null(form.Fields[1].Var);
        var name = form.GetField("muc#roomconfig_roomname")!;
        Assert.Equal("Natural-Language Room Name", name.Label);
        Assert.Equal("Coven", name.Value);
        Assert.Equal("A description", form.GetField("muc#roomconfig_roomdesc")!.Description);
        Assert.True(form.GetField("muc#roomconfig_roomsecret")!.Required);
        Assert.False(name.Required);
    }

    [Fact]
    public void An_unknown_field_type_reads_as_text_single_and_is_written_back_as_received()
    {
        var form = Read(RoomConfig);

        var unknown = form.GetField("x-unknown")!;
        Assert.Equal(DataFormFieldType.TextSingle, unknown.Type);
        Assert.Equal("x-new-kind", (string?)unknown.ToXElement().Attribute("type"));
        Assert.Null(form.GetField("x-untyped")!.ToXElement().Attribute("type"));
    }

    [Fact]
    public void Typed_readers_parse_booleans_jids_lines_and_options()
    {
        var form = Read(RoomConfig);

        Assert.True(form.GetBoolean("muc#roomconfig_persistentroom"));
        Assert.False(form.GetBoolean("muc#roomconfig_publicroom"));
        Assert.Null(form.GetBoolean("no-such-field"));
        Assert.Equal(Jid.Parse("crone1@shakespeare.lit"), form.GetJid("muc#roomconfig_roomowner"));
        Assert.Equal([Jid.Parse("wiccarocks@shakespeare.lit"), Jid.Parse("hecate@shakespeare.lit")], form.GetJids("muc#roomconfig_roomadmins"));
        Assert.Equal(["first line", "second line"], form.GetLines("muc#roomconfig_roomdesc"));
        Assert.Equal(["moderator", "participant"], form.GetValues("muc#roomconfig_presencebroadcast"));
        Assert.Equal([new DataFormOption("10", "10"), new DataFormOption("20")], form.GetField("muc#roomconfig_maxusers")!.Options);
        Assert.Null(form.GetValue("muc#roomconfig_roomsecret"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" 0 ", false)]
    [InlineData("false", false)]
    public void Booleans_accept_one_true_zero_and_false(string value, bool expected)
    {
        var form = Read($"<x xmlns='{Ns}' type='submit'><field var='b'><value>{value}</value></field></x>");

        Assert.Equal(expected, form.GetBoolean("b"));
    }

    [Fact]
    public void Values_that_do_not_parse_throw_a_format_exception_naming_the_field()
    {
        var form = Read($"<x xmlns='{Ns}' type='form'><field type='boolean' var='b'><value>yes</value></field>"
            + $"<field type='jid-single' var='j'><value>@@bad</value></field><field type='jid-multi' var='m'><value>a@b</value><value>a@@b</value></field></x>");

        Assert.Contains("'b'", Assert.Throws<FormatException>(() => form.GetBoolean("b")).Message, StringComparison.Ordinal);
        Assert.Contains("'j'", Assert.Throws<FormatException>(() => form.GetJid("j")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => form.GetJids("m"));
    }

    [Fact]
    public void A_result_form_has_its_reported_columns_and_items()
    {
        var form = Read($"""
            <x xmlns='{Ns}' type='result'>
              <reported><field var='jid' type='jid-single' label='JID'/><field var='name' label='Name'/></reported>
              <item><field var='jid'><value>a@example.com</value></field><field var='name'><value>A</value></field></item>
              <item><field var='jid'><value>b@example.com</value></field><field var='name'><value>B</value></field></item>
            </x>
            """);

        Assert.Equal(DataFormType.Result, form.Type);
        Assert.Equal(["jid", "name"], form.Reported.Select(field => field.Var));
        Assert.Equal(2, form.Items.Count);
        Assert.Equal(Jid.Parse("b@example.com"), form.Items[1][0].GetJid());
        Assert.Empty(form.Fields);
    }

    [Fact]
    public void A_field_keeps_its_element_so_media_elements_stay_reachable()
    {
        var form = Read($"<x xmlns='{Ns}' type='form'><field var='ocr' label='Enter the text'><media xmlns='urn:xmpp:media-element' height='80' width='290'>"
            + "<uri type='image/jpeg'>cid:sha1+f24030b8d91d233bac14777be5ab531ca3b9f102@bob.xmpp.org</uri></media></field></x>");

        var media = form.GetField("ocr")!.Element!.Element(XName.Get("media", "urn:xmpp:media-element"));
        Assert.NotNull(media);
        Assert.Equal("80", (string?)media.Attribute("height"));
    }

    [Theory]
    [InlineData("<x xmlns='jabber:x:data'/>", "type")]
    [InlineData("<x xmlns='jabber:x:data' type='bogus'/>", "type")]
    [InlineData("<x xmlns='jabber:x:data' type='form'><field type='text-single'><value>v</value></field></x>", "var")]
    [InlineData("<x xmlns='jabber:x:data' type='form'><field var=''/></x>", "var")]
    [InlineData("<x xmlns='jabber:x:data' type='form'><field var='a'/><field var='a'/></x>", "two fields")]
    [InlineData("<x xmlns='jabber:x:data' type='form'><field var='a' type='list-single'><option label='x'/></field></x>", "option")]
    [InlineData("<x xmlns='jabber:x:data' type='result'><item><field><value>v</value></field></item></x>", "var")]
    [InlineData("<query xmlns='jabber:x:data' type='form'/>", "Not a data form")]
    public void Malformed_forms_throw_a_format_exception_that_says_what_is_wrong(string xml, string hint)
    {
        var error = Assert.Throws<FormatException>(() => Read(xml));

        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forms_over_the_limits_are_refused_rather_than_read()
    {
        string Fields(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"<field var='f{i}'/>"));
        string Values(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"<value>{i}</value>"));

        Assert.Equal(DataForm.MaxFields, Read($"<x xmlns='{Ns}' type='form'>{Fields(DataForm.MaxFields)}</x>").Fields.Count);
        Assert.Throws<FormatException>(() => Read($"<x xmlns='{Ns}' type='form'>{Fields(DataForm.MaxFields + 1)}</x>"));
        Assert.Throws<FormatException>(() => Read($"<x xmlns='{Ns}' type='form'><field var='m' type='list-multi'>{Values(DataForm.MaxValues + 1)}</field></x>"));
    }

    [Fact]
    public void A_received_form_arrives_typed_through_GetPayload()
    {
        var message = Xmpp.Client.Tests.Stanzas.StanzaXml.Parse<Xmpp.Client.Stanzas.Message>(
            $"<message from='room@muc.example.com'><x xmlns='{Ns}' type='form'><field var='FORM_TYPE' type='hidden'><value>urn:x</value></field></x></message>");

        Assert.Equal("urn:x", message.GetPayload<DataForm>()!.FormType);
    }
}
