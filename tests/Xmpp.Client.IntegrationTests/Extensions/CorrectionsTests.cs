using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Corrections;
using Xmpp.Client.IntegrationTests.Servers;
using Xmpp.Client.Stanzas;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>Corrections (XEP-0308) and retractions (XEP-0424) from alice to bob through Prosody and ejabberd.</summary>
[Collection(ServersCollection.Name)]
public sealed class CorrectionsTests(ServersFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Bob_sees_alices_correction_and_retraction_of_her_message_as_verified(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        XmppClientOptions With(string user) =>
            ClientFactory.Options(fixture.Servers, server, user) with { Extensions = XmppExtensionSet.Default.Add<CorrectionsExtension>() };
        await using var alice = await ClientFactory.ConnectedAsync(With("alice"));
        await using var bob = await ClientFactory.ConnectedAsync(With("bob"));
        var corrected = new EventWaiter<MessageCorrectedEventArgs>();
        var retracted = new EventWaiter<MessageRetractedEventArgs>();
        bob.GetExtension<CorrectionsExtension>().MessageCorrected += corrected.Handler;
        bob.GetExtension<CorrectionsExtension>().MessageRetracted += retracted.Handler;
        var bobsInbox = new MessageInbox(bob);
        var typo = $"helo {Guid.NewGuid():N}";
        var fixedText = typo.Replace("helo", "hello", StringComparison.Ordinal);
        var to = bob.BoundJid!.Value;

        var id = await alice.SendAsync(new Message(to, typo));
        await bobsInbox.WaitForBodyAsync(typo, Wait);
        await alice.GetExtension<CorrectionsExtension>().CorrectAsync(to, id, fixedText);
        await alice.GetExtension<CorrectionsExtension>().RetractAsync(to, id);

        var correction = await corrected.NextAsync(args => args.ReplacedId == id, Wait, "the correction");
        Assert.True(correction.OriginalKnown);
        Assert.Equal(fixedText, correction.NewBody);
        Assert.Equal(alice.BoundJid!.Value.Bare, correction.Conversation);
        var retraction = await retracted.NextAsync(args => args.RetractedId == id, Wait, "the retraction");
        Assert.True(retraction.OriginalKnown);
    }

    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task In_a_room_bob_sees_alices_correction_and_retraction_by_the_rooms_stanza_id_and_not_as_messages(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        XmppClientOptions With(string user) =>
            ClientFactory.Options(fixture.Servers, server, user) with { Extensions = XmppExtensionSet.Default.Add<CorrectionsExtension>() };
        var roomJid = Jid.Parse(server.Room($"corrections-{Guid.NewGuid():N}"));
        await using var alice = await ClientFactory.ConnectedAsync(With("alice"));
        await using var bob = await ClientFactory.ConnectedAsync(With("bob"));
        var corrected = new EventWaiter<MessageCorrectedEventArgs>();
        var retracted = new EventWaiter<MessageRetractedEventArgs>();
        bob.GetExtension<CorrectionsExtension>().MessageCorrected += corrected.Handler;
        bob.GetExtension<CorrectionsExtension>().MessageRetracted += retracted.Handler;
        var alicesRoom = alice.Muc.GetRoom(roomJid);
        var bobsRoom = bob.Muc.GetRoom(roomJid);
        var echoes = new EventWaiter<Xmpp.Client.Extensions.Muc.MucMessageEventArgs>();
        var atBob = new EventWaiter<Xmpp.Client.Extensions.Muc.MucMessageEventArgs>();
        alicesRoom.MessageReceived += echoes.Handler;
        bobsRoom.MessageReceived += atBob.Handler;
        await alicesRoom.JoinAsync("Alice");
        await bobsRoom.JoinAsync("Bob");
        var typo = $"helo room {Guid.NewGuid():N}";
        var fixedText = typo.Replace("helo", "hello", StringComparison.Ordinal);

        var id = await alicesRoom.SendMessageAsync(typo);
        var echo = await echoes.NextAsync(args => args.Body == typo, Wait, "alice's echo");
        await atBob.NextAsync(args => args.Body == typo, Wait, "alice's message at bob");
        await alice.GetExtension<CorrectionsExtension>().CorrectAsync(roomJid, id, fixedText, MessageType.Groupchat);
        var correction = await corrected.NextAsync(args => args.ReplacedId == id, Wait, "the correction");
        Assert.True(correction.OriginalKnown);
        Assert.Equal(("Alice", fixedText, roomJid), (correction.Nick, correction.NewBody, correction.Conversation));

        Assert.NotNull(echo.StanzaId);   // both servers archive rooms (muc_mam, mod_mam) and say the room's stanza-id
        var retractId = echo.StanzaId;
        await alice.GetExtension<CorrectionsExtension>().RetractAsync(roomJid, retractId, MessageType.Groupchat);
        var retraction = await retracted.NextAsync(args => args.RetractedId == retractId, Wait, "the retraction");
        Assert.True(retraction.OriginalKnown);
        Assert.DoesNotContain(atBob.All, args => args.Body == fixedText || args.Body == CorrectionsExtension.RetractionFallbackBody);
    }
}
