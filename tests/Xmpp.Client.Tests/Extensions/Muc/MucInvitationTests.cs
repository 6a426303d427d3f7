using Xmpp.Client.Extensions.Muc;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Muc.MucScript;

namespace Xmpp.Client.Tests.Extensions.Muc;

/// <summary>Invitations: mediated (XEP-0045 §7.8.2) and direct (XEP-0249), both ways, and declines.</summary>
public class MucInvitationTests
{
    [Fact]
    public async Task A_mediated_invitation_from_the_rooms_bare_jid_is_raised_with_inviter_reason_and_password()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var invitations = Record(harness.Client);

        await harness.SendAsync($"<message from='{Room}' id='i1'><x xmlns='{UserNs}'><invite from='alice@example.com/phone'><reason>Join us</reason></invite><password>pw</password></x></message>");
        await harness.SyncAsync();

        var invitation = Assert.Single(invitations);
        Assert.Equal(RoomJid, invitation.Room);
        Assert.Equal(Jid.Parse("alice@example.com/phone"), invitation.Inviter);
        Assert.Equal("Join us", invitation.Reason);
        Assert.Equal("pw", invitation.Password);
        Assert.False(invitation.IsDirect);
    }

    [Fact]
    public async Task A_mediated_invitation_from_a_full_jid_is_not_an_invitation()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var invitations = Record(harness.Client);

        await harness.SendAsync($"<message from='mallory@example.com/x' id='i1'><x xmlns='{UserNs}'><invite from='alice@example.com'/></x></message>");
        await harness.SyncAsync();

        Assert.Empty(invitations);
    }

    [Fact]
    public async Task A_direct_invitation_is_raised_with_the_sender_as_inviter_and_a_bad_one_is_dropped()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);
        var invitations = Record(harness.Client);

        await harness.SendAsync($"<message from='alice@example.com/phone' id='d1'><x xmlns='jabber:x:conference' jid='{Room}' reason='Come' password='pw'/></message>");
        await harness.SendAsync("<message from='alice@example.com/phone' id='d2'><x xmlns='jabber:x:conference' jid='not a jid@@'/></message>");
        await harness.SendAsync("<message from='alice@example.com/phone' id='d3'><x xmlns='jabber:x:conference' jid='room@conference.example.com/nick'/></message>");
        await harness.SyncAsync();

        var invitation = Assert.Single(invitations);
        Assert.True(invitation.IsDirect);
        Assert.Equal(Jid.Parse("alice@example.com/phone"), invitation.Inviter);
        Assert.Equal("Come", invitation.Reason);
        Assert.Equal("pw", invitation.Password);
    }

    [Fact]
    public async Task Declining_a_mediated_invitation_tells_the_room_who_to_tell()
    {
        await using var harness = await MessagingHarness.ConnectAsync(OnlyExtensions.Muc);

        await harness.Client.Muc.DeclineAsync(new MucInvitation(RoomJid, Jid.Parse("alice@example.com"), null, null, IsDirect: false), "busy");
        var sent = await harness.ExpectAsync();

        Assert.Equal(Room, sent.GetAttribute("to"));
        var decline = UserX(sent)?.Element("decline", UserNs);
        Assert.Equal("alice@example.com", decline?.GetAttribute("to"));
        Assert.Equal("busy", decline?.Element("reason", UserNs)?.Value);
    }

    [Fact]
    public async Task Invitations_sent_through_the_room_and_directly_carry_what_each_protocol_needs()
    {
        var (harness, room) = await JoinedAsync(options: new MucJoinOptions { Password = "pw" });
        await using var _ = harness;

        await room.InviteAsync(Jid.Parse("carol@example.com"), "hi");
        var mediated = await harness.ExpectAsync();
        await room.InviteAsync(Jid.Parse("carol@example.com"), "hi", direct: true);
        var direct = await harness.ExpectAsync();

        Assert.Equal(Room, mediated.GetAttribute("to"));
        Assert.Equal("carol@example.com", UserX(mediated)?.Element("invite", UserNs)?.GetAttribute("to"));
        Assert.Equal("hi", UserX(mediated)?.Element("invite", UserNs)?.Element("reason", UserNs)?.Value);
        Assert.Equal("carol@example.com", direct.GetAttribute("to"));
        var x = direct.Element("x", "jabber:x:conference");
        Assert.Equal(Room, x?.GetAttribute("jid"));
        Assert.Equal("hi", x?.GetAttribute("reason"));
        Assert.Equal("pw", x?.GetAttribute("password"));
    }

    [Fact]
    public async Task A_decline_relayed_by_the_room_is_raised_by_the_room()
    {
        var (harness, room) = await JoinedAsync();
        await using var _ = harness;
        var declined = new TaskCompletionSource<MucDeclineEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.InvitationDeclined += args => { declined.TrySetResult(args); return Task.CompletedTask; };

        await harness.SendAsync($"<message from='{Room}' id='x1'><x xmlns='{UserNs}'><decline from='carol@example.com'><reason>no time</reason></decline></x></message>");
        var args = await declined.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Jid.Parse("carol@example.com"), args.Decliner);
        Assert.Equal("no time", args.Reason);
    }

    private static List<MucInvitation> Record(XmppClient client)
    {
        var invitations = new List<MucInvitation>();
        client.Muc.InvitationReceived += args => { invitations.Add(args.Invitation); return Task.CompletedTask; };
        return invitations;
    }
}
