using Xmpp.Client.Extensions.Muc;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Moderation and administration requests (XEP-0045 §8–10) as they go on the wire, and lists as they are read.</summary>
public class MucModerationTests
{
    private const string Admin = "http://jabber.org/protocol/muc#admin";

    [Fact]
    public async Task Kick_and_voice_changes_set_the_role_of_a_nick_with_the_reason()
    {
        var (harness, room) = await JoinedAsync(others: ["alice"]);
        await using var _ = harness;

        var items = new List<(string? Nick, string? Role, string? Reason)>();
        foreach (var action in new Func<Task>[] { () => room.KickAsync("alice", "spam"), () => room.GrantVoiceAsync("alice"), () => room.RevokeVoiceAsync("alice"), () => room.SetRoleAsync("alice", MucRole.Moderator) })
        {
            var request = action();
            var iq = await harness.ExpectAsync("iq");
            await harness.SendAsync($"<iq type='result' id='{iq.GetAttribute("id")}' from='{Room}'/>");
            await request.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("set", iq.GetAttribute("type"));
            Assert.Equal(Room, iq.GetAttribute("to"));
            var item = iq.Element("query", Admin)!.Element("item", Admin)!;
            items.Add((item.GetAttribute("nick"), item.GetAttribute("role"), item.Element("reason", Admin)?.Value));
        }

        Assert.Equal([("alice", "none", "spam"), ("alice", "participant", null), ("alice", "visitor", null), ("alice", "moderator", null)], items);
    }

    [Fact]
    public async Task Affiliation_changes_name_the_bare_jid_and_a_refusal_is_the_rooms_error()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var banning = room.BanAsync(Jid.Parse("mallory@example.com/laptop"), "troll");
        var iq = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='error' id='{iq.GetAttribute("id")}' from='{Room}'><error type='auth'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        var error = await Assert.ThrowsAsync<XmppIqErrorException>(() => banning.WaitAsync(TimeSpan.FromSeconds(30)));

        var item = iq.Element("query", Admin)!.Element("item", Admin)!;
        Assert.Equal("mallory@example.com", item.GetAttribute("jid"));
        Assert.Equal("outcast", item.GetAttribute("affiliation"));
        Assert.Equal("troll", item.Element("reason", Admin)?.Value);
        Assert.Equal("forbidden", error.Error.ConditionName);
    }

    [Fact]
    public async Task An_affiliation_list_is_read_with_nicks_and_reasons_and_items_without_a_jid_are_skipped()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var reading = room.GetAffiliatesAsync(MucAffiliation.Member);
        var iq = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{iq.GetAttribute("id")}' from='{Room}'><query xmlns='{Admin}'><item affiliation='member' jid='alice@example.com' nick='alice'/><item affiliation='member' jid='bob@example.com'><reason>friend</reason></item><item affiliation='member'/></query></iq>");
        var members = await reading.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("get", iq.GetAttribute("type"));
        Assert.Equal("member", iq.Element("query", Admin)?.Element("item", Admin)?.GetAttribute("affiliation"));
        Assert.Equal([new MucAffiliate(Jid.Parse("alice@example.com"), MucAffiliation.Member, "alice", null),
            new MucAffiliate(Jid.Parse("bob@example.com"), MucAffiliation.Member, null, "friend")], members);
    }

    [Fact]
    public async Task Destroying_sends_the_reason_and_alternate_room_to_the_owner_namespace()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;

        var destroying = room.DestroyAsync("done", Jid.Parse("next@conference.example.com"));
        var iq = await harness.ExpectAsync("iq");
        await harness.SendAsync($"<iq type='result' id='{iq.GetAttribute("id")}' from='{Room}'/>");
        await destroying.WaitAsync(TimeSpan.FromSeconds(30));

        var destroy = iq.Element("query", "http://jabber.org/protocol/muc#owner")?.Element("destroy", "http://jabber.org/protocol/muc#owner");
        Assert.Equal("next@conference.example.com", destroy?.GetAttribute("jid"));
        Assert.Equal("done", destroy?.Element("reason", "http://jabber.org/protocol/muc#owner")?.Value);
    }
}
