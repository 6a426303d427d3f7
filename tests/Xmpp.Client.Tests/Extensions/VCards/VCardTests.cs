using System.Xml.Linq;
using Xmpp.Client.Extensions;
using Xmpp.Client.Extensions.VCards;
using static Xmpp.Client.Tests.Extensions.Pep.PepScript;

namespace Xmpp.Client.Tests.Extensions.VCards;

/// <summary>vcard-temp (XEP-0054): reading and writing the typed card, and the requests on the wire.</summary>
public class VCardTests
{
    private static readonly XNamespace V = "vcard-temp";

    private const string Full = """
        <vCard xmlns='vcard-temp'>
          <FN>Juliet Capulet</FN>
          <N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN><MIDDLE>J</MIDDLE><PREFIX>Ms</PREFIX><SUFFIX>I</SUFFIX></N>
          <NICKNAME>Jules</NICKNAME>
          <PHOTO><TYPE>image/png</TYPE><BINVAL>AQID
          BAU=</BINVAL></PHOTO>
          <EMAIL><INTERNET/><PREF/><USERID>juliet@example.com</USERID></EMAIL>
          <EMAIL><WORK/><USERID>j@work.example</USERID></EMAIL>
          <TEL><HOME/><VOICE/><NUMBER>+1 555 0100</NUMBER></TEL>
          <ADR><HOME/><LOCALITY>Verona</LOCALITY></ADR>
          <URL>https://example.com/juliet</URL>
          <BDAY>1597-07-31</BDAY>
          <ORG><ORGNAME>House Capulet</ORGNAME><ORGUNIT>Balcony</ORGUNIT></ORG>
          <TITLE>Heiress</TITLE><ROLE>Lead</ROLE><NOTE>A note</NOTE><DESC>About me</DESC>
          <JABBERID>juliet@example.com</JABBERID>
          <X-CUSTOM xmlns='urn:example:custom'>kept</X-CUSTOM>
        </vCard>
        """;

    [Fact]
    public void A_card_reads_the_common_fields()
    {
        var card = VCard.FromXElement(XElement.Parse(Full));

        Assert.Equal("Juliet Capulet", card.FullName);
        Assert.Equal(("Capulet", "Juliet", "J", "Ms", "I"), (card.FamilyName, card.GivenName, card.MiddleName, card.NamePrefix, card.NameSuffix));
        Assert.Equal("Jules", card.Nickname);
        Assert.Equal("image/png", card.Photo!.MediaType);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, card.Photo.Data.ToArray());
        Assert.Equal(["juliet@example.com", "j@work.example"], card.Emails.Select(e => e.Value));
        Assert.Equal(["INTERNET", "PREF"], card.Emails[0].Types);
        Assert.Equal("+1 555 0100", Assert.Single(card.Telephones).Value);
        Assert.Equal(["HOME", "VOICE"], card.Telephones[0].Types);
        Assert.Equal(("https://example.com/juliet", "1597-07-31", "House Capulet"), (card.Url, card.Birthday, card.Organization));
        Assert.Equal(["Balcony"], card.OrganizationUnits);
        Assert.Equal(("Heiress", "Lead", "A note", "About me", "juliet@example.com"), (card.Title, card.Role, card.Note, card.Description, card.JabberId));
        Assert.False(card.IsEmpty);
    }

    [Fact]
    public void Writing_a_card_back_keeps_the_elements_it_does_not_model_and_round_trips_the_rest()
    {
        var card = VCard.FromXElement(XElement.Parse(Full));
        card.Nickname = "Jay";
        card.Telephones.Clear();

        var written = card.ToXElement();
        var again = VCard.FromXElement(written);

        Assert.Equal("Verona", written.Element(V + "ADR")!.Element(V + "LOCALITY")!.Value);
        Assert.Equal("kept", written.Element(XName.Get("X-CUSTOM", "urn:example:custom"))!.Value);
        Assert.Single(written.Elements(V + "NICKNAME"));
        Assert.Equal("Jay", again.Nickname);
        Assert.Empty(written.Elements(V + "TEL"));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, again.Photo!.Data.ToArray());
        Assert.Equal("AQIDBAU=", written.Element(V + "PHOTO")!.Element(V + "BINVAL")!.Value);
        Assert.Equal(["INTERNET", "PREF"], again.Emails[0].Types);
        Assert.Equal(("Capulet", "Balcony", "About me"), (again.FamilyName, again.OrganizationUnits[0], again.Description));
    }

    [Fact]
    public void A_photo_whose_binval_is_not_base64_is_skipped_and_dropped_on_writing()
    {
        var card = VCard.FromXElement(XElement.Parse("<vCard xmlns='vcard-temp'><FN>X</FN><PHOTO><TYPE>image/png</TYPE><BINVAL>not*base64!</BINVAL></PHOTO></vCard>"));

        Assert.Null(card.Photo);
        Assert.Equal("X", card.FullName);
        Assert.Null(card.ToXElement().Element(V + "PHOTO"));
    }

    [Fact]
    public void An_external_photo_is_read_and_written_as_extval()
    {
        var card = VCard.FromXElement(XElement.Parse("<vCard xmlns='vcard-temp'><PHOTO><EXTVAL>https://example.com/a.png</EXTVAL></PHOTO></vCard>"));

        Assert.Equal(new Uri("https://example.com/a.png"), card.Photo!.ExternalUrl);
        Assert.True(card.Photo.Data.IsEmpty);
        Assert.Null(card.Photo.Hash);
        Assert.Equal("https://example.com/a.png", card.ToXElement().Element(V + "PHOTO")!.Element(V + "EXTVAL")!.Value);
    }

    [Fact]
    public void Entries_are_bounded_and_empty_elements_count_as_missing()
    {
        var emails = string.Concat(Enumerable.Range(0, 100).Select(i => $"<EMAIL><USERID>u{i}@example.com</USERID></EMAIL>"));
        var card = VCard.FromXElement(XElement.Parse($"<vCard xmlns='vcard-temp'><FN/><NICKNAME></NICKNAME>{emails}<EMAIL/></vCard>"));

        Assert.Equal(64, card.Emails.Count);
        Assert.Null(card.FullName);
        Assert.Null(card.Nickname);
        Assert.True(new VCard().IsEmpty);
    }

    [Fact]
    public void Something_else_than_a_vcard_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => VCard.FromXElement(new XElement(XName.Get("vCard", "urn:other"))));
    }

    [Fact]
    public async Task The_own_card_is_asked_without_to_and_a_contacts_at_its_bare_jid()
    {
        await using var live = await LiveServer.StartAsync(XmppExtensionSet.Empty.Add<VCardExtension>());
        var vcard = live.Client.GetExtension<VCardExtension>();

        var own = vcard.GetAsync();
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'>{Full}</iq>")).ToX();
        Assert.Equal("Juliet Capulet", (await own.WaitAsync(Wait)).FullName);
        Assert.Null(request.Attribute("to"));
        Assert.Equal("get", (string?)request.Attribute("type"));
        Assert.NotNull(request.Element(V + "vCard"));

        var contact = vcard.GetAsync(Jid.Parse("juliet@example.com/balcony"));
        request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}' from='juliet@example.com'><vCard xmlns='vcard-temp'><NICKNAME>J</NICKNAME></vCard></iq>")).ToX();
        Assert.Equal("J", (await contact.WaitAsync(Wait)).Nickname);
        Assert.Equal("juliet@example.com", (string?)request.Attribute("to"));
    }

    [Theory]
    [InlineData("<iq type='error' id='{0}'><vCard xmlns='vcard-temp'/><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>")]
    [InlineData("<iq type='result' id='{0}'/>")]
    [InlineData("<iq type='result' id='{0}'><vCard xmlns='vcard-temp'/></iq>")]
    public async Task No_card_reads_as_an_empty_one(string answer)
    {
        await using var live = await LiveServer.StartAsync(XmppExtensionSet.Empty.Add<VCardExtension>());

        var reading = live.Client.GetExtension<VCardExtension>().GetAsync();
        await live.AnswerAsync(id => string.Format(System.Globalization.CultureInfo.InvariantCulture, answer, id));

        Assert.True((await reading.WaitAsync(Wait)).IsEmpty);
    }

    [Fact]
    public async Task Setting_the_card_sends_it_whole()
    {
        await using var live = await LiveServer.StartAsync(XmppExtensionSet.Empty.Add<VCardExtension>());
        var card = new VCard { FullName = "Romeo", Photo = new VCardPhoto("image/png", new byte[] { 9, 9 }) };
        card.Emails.Add(new VCardEntry("romeo@example.net"));

        var setting = live.Client.GetExtension<VCardExtension>().SetAsync(card);
        var request = (await live.AnswerAsync(id => $"<iq type='result' id='{id}'/>")).ToX();
        await setting.WaitAsync(Wait);

        Assert.Equal("set", (string?)request.Attribute("type"));
        Assert.Null(request.Attribute("to"));
        var sent = VCard.FromXElement(request.Element(V + "vCard")!);
        Assert.Equal("Romeo", sent.FullName);
        Assert.Equal(new byte[] { 9, 9 }, sent.Photo!.Data.ToArray());
        Assert.Equal("romeo@example.net", Assert.Single(sent.Emails).Value);
    }
}
