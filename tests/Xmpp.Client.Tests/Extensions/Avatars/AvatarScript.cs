using System.Security.Cryptography;
using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.Avatars;
using Xmpp.Client.Tests.Support;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.Avatars;

/// <summary>What the avatar tests share: names, the image, and answering the extension's start-up questions.</summary>
internal static class AvatarScript
{
    public const string DataNode = "urn:xmpp:avatar:data";
    public const string MetadataNode = "urn:xmpp:avatar:metadata";
    public const string Update = "vcard-temp:x:update";
    public const string Conversion = "urn:xmpp:pep-vcard-conversion:0";

    public static readonly XNamespace U = Update;
    public static readonly XNamespace V = "vcard-temp";
    public static readonly byte[] Image = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4];

#pragma warning disable CA5350 // the protocol's hash
    public static string Sha1(byte[] data) => Convert.ToHexString(SHA1.HashData(data)).ToLowerInvariant();
#pragma warning restore CA5350

    public static string ImageHash => Sha1(Image);

    public static XmppExtensionSet AvatarsOnly => XmppExtensionSet.Empty.Add<AvatarExtension>();

    public static AvatarExtension Avatars(this XmppClient client) => client.GetExtension<AvatarExtension>();

    /// <summary>The disco#info answer for the own account, with or without the conversion feature.</summary>
    public static string AccountInfo(string id, bool conversion) =>
        $"<iq type='result' id='{id}' from='user@example.com'><query xmlns='http://jabber.org/protocol/disco#info'>"
        + "<identity category='account' type='registered'/><identity category='pubsub' type='pep'/>"
        + (conversion ? $"<feature var='{Conversion}'/>" : string.Empty) + "</query></iq>";

    public static string VCardWithPhoto(byte[] image) =>
        $"<vCard xmlns='vcard-temp'><FN>User</FN><PHOTO><TYPE>image/png</TYPE><BINVAL>{Convert.ToBase64String(image)}</BINVAL></PHOTO></vCard>";

    /// <summary>Reads the next <paramref name="count"/> elements the client sends, in whatever order they come.</summary>
    public static async Task<List<XElement>> ReadAsync(FakeServer server, int count)
    {
        var elements = new List<XElement>();
        for (var i = 0; i < count; i++)
        {
            var element = await server.ReadElementAsync();
            Assert.NotNull(element);
            elements.Add(element.ToX());
        }

        return elements;
    }

    /// <summary>
    /// Answers the start-up questions: the account's features, then (without conversion) the own vCard; and returns once
    /// the extension is done with them. With <paramref name="sendPresence"/>, the client sends its broadcast presence
    /// meanwhile, and the presences it sends (again, once it knows its hash) are read.
    /// </summary>
    public static async Task AnswerStartupAsync(LiveServer live, bool conversion, string vcard = "<vCard xmlns='vcard-temp'/>", bool sendPresence = false)
    {
        var disco = (await live.AnswerAsync(id => AccountInfo(id, conversion))).ToX();
        Assert.Equal("user@example.com", (string?)disco.Attribute("to"));
        if (conversion)
        {
            Assert.True(await live.Client.Avatars().IsConversionOfferedAsync().WaitAsync(Wait));
            if (sendPresence)
            {
                await live.Client.SendAsync(new Xmpp.Client.Stanzas.Presence());
                await live.Server.ExpectAsync("presence");
            }

            return;
        }

        XElement request;
        if (sendPresence)
        {
            await live.Client.SendAsync(new Xmpp.Client.Stanzas.Presence());
            var both = await ReadAsync(live.Server, 2);
            request = Assert.Single(both, e => e.Name.LocalName == "iq");
            await live.Server.SendAsync($"<iq type='result' id='{(string)request.Attribute("id")!}'>{vcard}</iq>");
            await live.Server.ExpectAsync("presence"); // sent again with the hash
        }
        else
        {
            request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'>{vcard}</iq>")).ToX();
        }

        Assert.NotNull(request.Element(V + "vCard"));
        await WaitUntilAsync(() => live.Client.Avatars().PresenceHash is not null);
    }

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    /// <summary>The photo element of a presence's update, or null; fails when the update is missing.</summary>
    public static XElement? Photo(XElement presence) => presence.Element(U + "x")!.Element(U + "photo");
}
