using System.Collections.Concurrent;
using Xmpp.Client.Extensions.Avatars;
using Xmpp.Client.Stanzas;
using static Xmpp.Client.Tests.Extensions.Avatars.AvatarScript;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Avatars;

/// <summary>The photo hash in presence (XEP-0153 §3.2) and contacts' avatar changes (XEP-0153, XEP-0084 notifications).</summary>
public class AvatarPresenceTests
{
    [Fact]
    public async Task Presence_says_not_ready_until_the_own_vcard_is_read_then_is_sent_again_with_the_hash()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);

        await live.Client.SendAsync(new Presence());
        var first = await ReadAsync(live.Server, 2);
        var presence = Assert.Single(first, e => e.Name.LocalName == "presence");
        Assert.NotNull(presence.Element(U + "x"));
        Assert.Null(Photo(presence));
        var disco = Assert.Single(first, e => e.Name.LocalName == "iq");
        await live.Server.SendAsync(AccountInfo((string)disco.Attribute("id")!, conversion: false));
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'>{VCardWithPhoto(Image)}</iq>");

        var again = (await live.Server.ExpectAsync("presence")).ToX();
        Assert.Equal(ImageHash, Photo(again)!.Value);
        Assert.Equal(ImageHash, live.Client.Avatars().PresenceHash);
    }

    [Fact]
    public async Task An_account_without_a_photo_advertises_an_empty_photo()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false);

        await live.Client.SendAsync(new Presence { To = Jid.Parse("room@muc.example.com/me") });
        var presence = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.Equal(string.Empty, live.Client.Avatars().PresenceHash);
        Assert.NotNull(Photo(presence));
        Assert.Equal(string.Empty, Photo(presence)!.Value);
    }

    [Fact]
    public async Task With_conversion_the_vcard_is_not_read_and_the_server_is_left_to_fill_the_hash()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: true);

        await live.Client.SendAsync(new Presence());
        var presence = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.NotNull(presence.Element(U + "x"));
        Assert.Null(Photo(presence));
        Assert.Null(live.Client.Avatars().PresenceHash);
    }

    [Fact]
    public async Task Unavailable_presence_and_one_that_carries_its_own_update_are_left_alone()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false, VCardWithPhoto(Image), sendPresence: true);

        var own = new Presence();
        own.AddPayload(new System.Xml.Linq.XElement(U + "x", new System.Xml.Linq.XElement(U + "photo", "abc")));
        await live.Client.SendAsync(own);
        await live.Client.SendAsync(new Presence { Type = PresenceType.Unavailable });

        Assert.Equal("abc", Photo((await live.Server.ExpectAsync("presence")).ToX())!.Value);
        Assert.Null((await live.Server.ExpectAsync("presence")).ToX().Element(U + "x"));
    }

    [Fact]
    public async Task A_contacts_hash_raises_AvatarChanged_when_it_changes_and_only_then()
    {
        await using var harness = await MessagingHarness.ConnectAsync(AvatarsOnly);
        var changes = new ConcurrentQueue<AvatarChangedEventArgs>();
        harness.Client.Avatars().AvatarChanged += e => { changes.Enqueue(e); return Task.CompletedTask; };
        var other = Sha1([7, 7]);

        await harness.SendAsync(HashPresence("juliet@example.com/a", $"<photo>{ImageHash.ToUpperInvariant()}</photo>"));
        await harness.SendAsync(HashPresence("juliet@example.com/b", $"<photo>{ImageHash}</photo>"));
        await harness.SendAsync(HashPresence("juliet@example.com/a", string.Empty)); // not ready: says nothing
        await harness.SendAsync(HashPresence("juliet@example.com/a", $"<photo>{other}</photo>"));
        await harness.SendAsync(HashPresence("juliet@example.com/a", "<photo/>"));
        await harness.SendAsync(HashPresence("romeo@example.net/x", "<photo/>")); // first seen with none: no event
        await harness.SendAsync(HashPresence("romeo@example.net/x", "<photo>not-a-hash</photo>"));
        await harness.SendAsync(HashPresence("room@muc.example.com/nick", $"<photo>{other}</photo>", "<x xmlns='http://jabber.org/protocol/muc#user'/>"));
        await harness.SyncAsync();

        Assert.Equal([(ImageHash, "juliet@example.com"), (other, "juliet@example.com"), (null, "juliet@example.com")],
            changes.Select(c => (c.Id, c.Jid.ToString())));
        Assert.All(changes, c => Assert.Equal(AvatarSource.VCard, c.Source));
    }

    [Fact]
    public async Task A_metadata_notification_from_a_contact_raises_AvatarChanged_with_its_info_once()
    {
        await using var harness = await MessagingHarness.ConnectAsync(AvatarsOnly);
        var changes = new ConcurrentQueue<AvatarChangedEventArgs>();
        harness.Client.Avatars().AvatarChanged += e => { changes.Enqueue(e); return Task.CompletedTask; };
        var item = $"<item id='{ImageHash}'><metadata xmlns='{MetadataNode}'>"
            + $"<info bytes='99' id='{Sha1([1])}' type='image/png' url='https://example.com/a.png'/>"
            + $"<info bytes='8' id='{ImageHash}' type='image/png' width='64' height='32'/></metadata></item>";

        await harness.SendAsync(EventMessage(" from='juliet@example.com'", MetadataNode, item));
        await harness.SendAsync(EventMessage(" from='juliet@example.com'", MetadataNode, item, "e2"));
        await harness.SendAsync(EventMessage(" from='juliet@example.com'", MetadataNode, $"<item id='x'><metadata xmlns='{MetadataNode}'/></item>", "e3"));
        await harness.SyncAsync();

        Assert.Contains(MetadataNode + "+notify", harness.Client.Disco.OwnInfo.Features);
        Assert.Equal([ImageHash, null], changes.Select(c => c.Id));
        var first = changes.First();
        Assert.Equal((AvatarSource.Pep, "juliet@example.com"), (first.Source, first.Jid.ToString()));
        Assert.Equal(new AvatarInfo(ImageHash, "image/png", 8, 64, 32), first.Info);
    }

    [Theory]
    [InlineData(" from='juliet@example.com/balcony'")]
    [InlineData(" from='example.com'")]
    public async Task Forged_metadata_notifications_from_a_full_jid_or_a_domain_are_ignored(string from)
    {
        await using var harness = await MessagingHarness.ConnectAsync(AvatarsOnly);
        var changes = new ConcurrentQueue<AvatarChangedEventArgs>();
        harness.Client.Avatars().AvatarChanged += e => { changes.Enqueue(e); return Task.CompletedTask; };

        await harness.SendAsync(EventMessage(from, MetadataNode,
            $"<item id='{ImageHash}'><metadata xmlns='{MetadataNode}'><info bytes='8' id='{ImageHash}' type='image/png'/></metadata></item>"));
        await harness.SyncAsync();

        Assert.Empty(changes);
    }

    private static string HashPresence(string from, string photo, string extra = "") =>
        $"<presence from='{from}'><x xmlns='{Update}'>{photo}</x>{extra}</presence>";
}
