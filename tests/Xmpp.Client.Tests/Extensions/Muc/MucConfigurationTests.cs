using Xmpp.Client.Extensions.DataForms;
using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Reserved rooms and their configuration form (XEP-0045 §10.1.3, §10.2).</summary>
public class MucConfigurationTests
{
    private const string Owner = "http://jabber.org/protocol/muc#owner";

    [Fact]
    public async Task A_reserved_room_is_configured_from_its_form_and_unlocked_by_the_submission()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var joining = harness.Client.Muc.JoinAsync(RoomJid, "bot", new MucJoinOptions { Creation = MucRoomCreation.Reserved });
        await harness.ExpectAsync("presence");
        await harness.SendAsync(Self("bot", "owner", "moderator", 201));
        var room = await joining.WaitAsync(TimeSpan.FromSeconds(30));

        var reading = room.GetConfigurationAsync();
        var get = await harness.ExpectAsync("iq");
        await harness.SendAsync($"""
            <iq type='result' id='{get.GetAttribute("id")}' from='{Room}'><query xmlns='{Owner}'><x xmlns='jabber:x:data' type='form'>
              <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/muc#roomconfig</value></field>
              <field var='muc#roomconfig_roomname' type='text-single' label='Name'><value/></field>
              <field var='muc#roomconfig_persistentroom' type='boolean'><value>0</value></field>
              <field var='muc#roomconfig_roomsecret' type='text-private'/>
            </x></query></iq>
            """);
        var form = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        var submission = form.CreateSubmission()
            .SetValue(MucConfigFields.Name, "Plans")
            .SetBoolean(MucConfigFields.Persistent, true)
            .SetValue(MucConfigFields.Password, "pw");
        var configuring = room.ConfigureAsync(submission);
        var set = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{set.GetAttribute("id")}' from='{Room}'/>");
        await configuring.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("get", get.GetAttribute("type"));
        Assert.NotNull(get.Element("query", Owner));
        Assert.Equal(DataFormType.Form, form.Type);
        Assert.Equal("http://jabber.org/protocol/muc#roomconfig", form.FormType);
        Assert.False(form.GetBoolean(MucConfigFields.Persistent));
        var sent = DataForm.FromXElement(set.Element("query", Owner)!.Element("x", "jabber:x:data")!.ToXElement());
        Assert.Equal(DataFormType.Submit, sent.Type);
        Assert.Equal("Plans", sent.GetValue(MucConfigFields.Name));
        Assert.True(sent.GetBoolean(MucConfigFields.Persistent));
        Assert.Equal("pw", sent.GetValue(MucConfigFields.Password));
        Assert.False(room.IsLocked);
    }

    [Fact]
    public async Task An_answer_without_a_form_is_a_format_error()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var reading = room.GetConfigurationAsync();
        var get = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{get.GetAttribute("id")}' from='{Room}'><query xmlns='{Owner}'/></iq>");

        await Assert.ThrowsAsync<FormatException>(() => reading.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
