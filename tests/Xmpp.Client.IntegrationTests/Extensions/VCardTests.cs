using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.VCards;
using Xmpp.Client.IntegrationTests.Servers;

namespace Xmpp.Client.IntegrationTests.Extensions;

/// <summary>vcard-temp (XEP-0054) against Prosody and ejabberd: carol writes her card, reads it back, bob reads it.</summary>
[Collection(ServersCollection.Name)]
public sealed class VCardTests(ServersFixture fixture)
{
    [Theory]
    [InlineData("prosody")]
    [InlineData("ejabberd")]
    public async Task Carol_writes_her_vcard_and_reads_it_back_and_bob_reads_it_at_her_bare_jid(string serverName)
    {
        var server = fixture.Servers.Named(serverName);
        await using var carol = await ClientFactory.ConnectedAsync(Options(server, "carol"));
        await using var bob = await ClientFactory.ConnectedAsync(Options(server, "bob"));
        var vcard = carol.GetExtension<VCardExtension>();
        var before = await vcard.GetAsync();
        try
        {
            var card = new VCard
            {
                FullName = "Carol Test",
                GivenName = "Carol",
                FamilyName = "Test",
                Nickname = $"carol-{Guid.NewGuid():N}",
                Photo = new VCardPhoto("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 9, 8, 7 }),
                Description = "Integration",
            };
            card.Emails.Add(new VCardEntry("carol@example.com", ["INTERNET", "PREF"]));
            await vcard.SetAsync(card);

            var read = await vcard.GetAsync();
            Assert.Equal(card.Nickname, read.Nickname);
            Assert.Equal(("Carol Test", "Carol", "Test"), (read.FullName, read.GivenName, read.FamilyName));
            if (serverName == "ejabberd")
            {
                Assert.Equal("Integration", read.Description); // Prosody's mod_vcard_legacy keeps vCards as vCard4 in PEP, without DESC
            }

            Assert.Equal(card.Photo.Data.ToArray(), read.Photo!.Data.ToArray());
            Assert.Equal("image/png", read.Photo.MediaType);
            Assert.Equal("carol@example.com", Assert.Single(read.Emails).Value);

            // Unknown elements read are written back.
            var written = read.ToXElement();
            written.Add(new XElement(XName.Get("ADR", "vcard-temp"), new XElement(XName.Get("LOCALITY", "vcard-temp"), "Verona")));
            var withAddress = VCard.FromXElement(written);
            await vcard.SetAsync(withAddress);
            var again = await vcard.GetAsync();
            again.Title = "Tester";
            await vcard.SetAsync(again);

            var seenByBob = await bob.GetExtension<VCardExtension>().GetAsync(carol.BoundJid!.Value);
            Assert.Equal(card.Nickname, seenByBob.Nickname);
            Assert.Equal("Tester", seenByBob.Title);
            Assert.Equal("Verona", seenByBob.Element!.Element(XName.Get("ADR", "vcard-temp"))!.Value);
        }
        finally
        {
            await vcard.SetAsync(before);
        }
    }

    private XmppClientOptions Options(XmppTestServer server, string user) =>
        ClientFactory.Options(fixture.Servers, server, user, "vcard") with { Extensions = XmppExtensionSet.Default.Add<VCardExtension>() };
}
