using System.Xml.Linq;
using Xmpp.Client.Extensions.Avatars;
using Xmpp.Client.Extensions.VCards;
using static Xmpp.Client.Tests.Extensions.Avatars.AvatarScript;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Avatars;

/// <summary>Publishing, removing and reading avatars (XEP-0084, XEP-0153, XEP-0398) on the wire.</summary>
public class AvatarRequestTests
{
    [Fact]
    public async Task Without_conversion_setting_publishes_data_and_metadata_then_the_vcard_photo_keeping_the_card_and_resends_presence()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false, sendPresence: true);

        var setting = live.Client.Avatars().SetAsync(Image, "image/png", 64, 48);
        var data = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var metadata = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'><vCard xmlns='vcard-temp'><FN>User</FN><ADR><LOCALITY>Verona</LOCALITY></ADR></vCard></iq>");
        var vcardSet = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var presence = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.Equal(ImageHash, await setting.WaitAsync(Wait));
        var dataPublish = data.Element(Ps + "pubsub")!.Element(Ps + "publish")!;
        Assert.Equal(DataNode, (string?)dataPublish.Attribute("node"));
        Assert.Equal(ImageHash, (string?)dataPublish.Element(Ps + "item")!.Attribute("id"));
        Assert.Equal(Convert.ToBase64String(Image), dataPublish.Element(Ps + "item")!.Element(XName.Get("data", DataNode))!.Value);
        var metaPublish = metadata.Element(Ps + "pubsub")!.Element(Ps + "publish")!;
        Assert.Equal(MetadataNode, (string?)metaPublish.Attribute("node"));
        var info = metaPublish.Element(Ps + "item")!.Element(XName.Get("metadata", MetadataNode))!.Element(XName.Get("info", MetadataNode))!;
        Assert.Equal(("8", ImageHash, "image/png", "64", "48"),
            ((string?)info.Attribute("bytes"), (string?)info.Attribute("id"), (string?)info.Attribute("type"), (string?)info.Attribute("width"), (string?)info.Attribute("height")));
        var card = VCard.FromXElement(vcardSet.Element(V + "vCard")!);
        Assert.Equal(Image, card.Photo!.Data.ToArray());
        Assert.Equal("User", card.FullName);
        Assert.Equal("Verona", vcardSet.Element(V + "vCard")!.Element(V + "ADR")!.Value);
        Assert.Equal(ImageHash, Photo(presence)!.Value);
    }

    [Fact]
    public async Task With_conversion_setting_publishes_to_pep_only()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: true, sendPresence: true);

        var setting = live.Client.Avatars().SetAsync(Image, "image/png");
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>");
        var metadata = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var presence = (await live.Server.ExpectAsync("presence")).ToX();

        Assert.Equal(ImageHash, await setting.WaitAsync(Wait));
        var info = metadata.Descendants(XName.Get("info", MetadataNode)).Single();
        Assert.Null(info.Attribute("width"));
        Assert.Null(Photo(presence)); // the server fills it in
    }

    [Fact]
    public async Task Removing_publishes_empty_metadata_and_clears_the_vcard_photo()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false, VCardWithPhoto(Image), sendPresence: true);

        var removing = live.Client.Avatars().RemoveAsync();
        var metadata = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await live.AnswerAsync(id => $"<iq type='result' id='{id}'>{VCardWithPhoto(Image)}</iq>");
        var vcardSet = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        var presence = (await live.Server.ExpectAsync("presence")).ToX();
        await removing.WaitAsync(Wait);

        Assert.False(metadata.Descendants(XName.Get("metadata", MetadataNode)).Single().HasElements);
        Assert.Null(vcardSet.Element(V + "vCard")!.Element(V + "PHOTO"));
        Assert.Equal("User", vcardSet.Element(V + "vCard")!.Element(V + "FN")!.Value);
        Assert.Equal(string.Empty, Photo(presence)!.Value);
    }

    [Fact]
    public async Task Get_reads_the_metadata_then_the_image_it_names_from_the_contacts_bare_jid()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false);

        var getting = live.Client.Avatars().GetAsync(Jid.Parse("juliet@example.com/balcony"));
        var metadata = (await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><pubsub xmlns='{PubSub}'><items node='{MetadataNode}'>"
            + $"<item id='{ImageHash}'><metadata xmlns='{MetadataNode}'><info bytes='8' id='{ImageHash}' type='image/png' width='4' height='2'/></metadata></item></items></pubsub></iq>")).ToX();
        var data = (await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><pubsub xmlns='{PubSub}'><items node='{DataNode}'>"
            + $"<item id='{ImageHash}'><data xmlns='{DataNode}'>{Convert.ToBase64String(Image)}</data></item></items></pubsub></iq>")).ToX();
        var avatar = await getting.WaitAsync(Wait);

        Assert.Equal("juliet@example.com", (string?)metadata.Attribute("to"));
        Assert.Equal("1", (string?)metadata.Descendants(Ps + "items").Single().Attribute("max_items"));
        Assert.Equal(ImageHash, (string?)data.Descendants(Ps + "item").Single().Attribute("id"));
        Assert.NotNull(avatar);
        Assert.Equal((ImageHash, "image/png", AvatarSource.Pep, 4, 2), (avatar.Id, avatar.MediaType, avatar.Source, avatar.Width, avatar.Height));
        Assert.Equal(Image, avatar.Data.ToArray());
        Assert.Equal("juliet@example.com", avatar.Owner.ToString());
    }

    [Fact]
    public async Task Get_falls_back_to_the_vcard_when_the_image_does_not_match_its_id_or_there_is_no_pep_avatar()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false);
        var juliet = Jid.Parse("juliet@example.com");

        var getting = live.Client.Avatars().GetAsync(juliet);
        await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><pubsub xmlns='{PubSub}'><items node='{MetadataNode}'>"
            + $"<item id='{ImageHash}'><metadata xmlns='{MetadataNode}'><info bytes='8' id='{ImageHash}' type='image/png'/></metadata></item></items></pubsub></iq>");
        await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><pubsub xmlns='{PubSub}'><items node='{DataNode}'>"
            + $"<item id='{ImageHash}'><data xmlns='{DataNode}'>{Convert.ToBase64String([1, 2, 3])}</data></item></items></pubsub></iq>");
        var vcard = (await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'>{VCardWithPhoto([5, 6])}</iq>")).ToX();
        var avatar = await getting.WaitAsync(Wait);

        Assert.Equal("juliet@example.com", (string?)vcard.Attribute("to"));
        Assert.Equal((Sha1([5, 6]), AvatarSource.VCard), (avatar!.Id, avatar.Source));
        Assert.Equal(new byte[] { 5, 6 }, avatar.Data.ToArray());

        getting = live.Client.Avatars().GetAsync(juliet);
        await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='juliet@example.com'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        await live.AnswerAsync(id => $"<iq type='error' id='{id}' from='juliet@example.com'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        Assert.Null(await getting.WaitAsync(Wait));
    }

    [Fact]
    public async Task Empty_metadata_means_no_avatar_without_asking_the_vcard()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: false);

        var getting = live.Client.Avatars().GetAsync(Jid.Parse("juliet@example.com"));
        await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><pubsub xmlns='{PubSub}'><items node='{MetadataNode}'>"
            + $"<item id='x'><metadata xmlns='{MetadataNode}'/></item></items></pubsub></iq>");

        Assert.Null(await getting.WaitAsync(Wait));
    }

    [Fact]
    public async Task Conversion_is_detected_from_the_accounts_features_and_asked_once()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);
        await AnswerStartupAsync(live, conversion: true);

        Assert.True(await live.Client.Avatars().IsConversionOfferedAsync().WaitAsync(Wait));
        Assert.True(await live.Client.Avatars().IsConversionOfferedAsync().WaitAsync(Wait));
    }

    [Fact]
    public async Task Setting_refuses_an_empty_image()
    {
        await using var live = await LiveServer.StartAsync(AvatarsOnly);

        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Avatars().SetAsync(ReadOnlyMemory<byte>.Empty, "image/png"));
        await Assert.ThrowsAsync<ArgumentException>(() => live.Client.Avatars().SetAsync(Image, ""));
    }
}
