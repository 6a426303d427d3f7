using System.Xml.Linq;
using static Xmpp.Client.Extensions.VCards.VCardXml;

namespace Xmpp.Client.Extensions.VCards;

/// <summary>
/// A vCard (vcard-temp, XEP-0054) with its common fields typed; the rest (ADR, GEO, LOGO …) is kept in
/// <see cref="Element"/> and written back unchanged by <see cref="ToXElement"/>.
/// </summary>
/// <remarks>
/// <para>Read one with <see cref="FromXElement"/> (or <see cref="VCardExtension.GetAsync"/>), change its properties,
/// and write it with <see cref="VCardExtension.SetAsync"/>: the modelled elements are written from the properties (an
/// empty property writes nothing), every other element of the card read is kept as it was, in its place.</para>
/// <para>Reading is lenient and bounded: a PHOTO whose <c>BINVAL</c> is not base64 is skipped (one without <c>TYPE</c> gets <c>application/octet-stream</c>) (<see cref="Photo"/> is
/// <see langword="null"/>, and writing the card back drops it), at most 64 EMAIL and 64 TEL entries are read, and
/// empty elements count as missing. The size of the whole card is bounded by the client's stanza size limit. Not
/// thread-safe: a card is a value to edit, not shared state.</para>
/// </remarks>
public sealed class VCard
{
    /// <summary>An empty card.</summary>
    public VCard()
    {
    }

    /// <summary>The full name (<c>FN</c>).</summary>
    public string? FullName { get; set; }

    /// <summary>The family name (<c>N/FAMILY</c>).</summary>
    public string? FamilyName { get; set; }

    /// <summary>The given name (<c>N/GIVEN</c>).</summary>
    public string? GivenName { get; set; }

    /// <summary>The middle name (<c>N/MIDDLE</c>).</summary>
    public string? MiddleName { get; set; }

    /// <summary>The name's prefix (<c>N/PREFIX</c>), such as a title.</summary>
    public string? NamePrefix { get; set; }

    /// <summary>The name's suffix (<c>N/SUFFIX</c>).</summary>
    public string? NameSuffix { get; set; }

    /// <summary>The nickname (<c>NICKNAME</c>).</summary>
    public string? Nickname { get; set; }

    /// <summary>The photo (<c>PHOTO</c>), the avatar of XEP-0153.</summary>
    public VCardPhoto? Photo { get; set; }

    /// <summary>The e-mail addresses (<c>EMAIL</c>), in order.</summary>
    public IList<VCardEntry> Emails { get; } = new List<VCardEntry>();

    /// <summary>The telephone numbers (<c>TEL</c>), in order.</summary>
    public IList<VCardEntry> Telephones { get; } = new List<VCardEntry>();

    /// <summary>A web page (<c>URL</c>), as written (it need not be a valid URI).</summary>
    public string? Url { get; set; }

    /// <summary>The birthday (<c>BDAY</c>), as written: ISO 8601, usually <c>yyyy-MM-dd</c>.</summary>
    public string? Birthday { get; set; }

    /// <summary>The organisation's name (<c>ORG/ORGNAME</c>).</summary>
    public string? Organization { get; set; }

    /// <summary>The organisation's units (<c>ORG/ORGUNIT</c>), in order.</summary>
    public IList<string> OrganizationUnits { get; } = new List<string>();

    /// <summary>The job title (<c>TITLE</c>).</summary>
    public string? Title { get; set; }

    /// <summary>The role (<c>ROLE</c>).</summary>
    public string? Role { get; set; }

    /// <summary>A note (<c>NOTE</c>).</summary>
    public string? Note { get; set; }

    /// <summary>A description (<c>DESC</c>), the "about me".</summary>
    public string? Description { get; set; }

    /// <summary>The JID the card names (<c>JABBERID</c>), as written.</summary>
    public string? JabberId { get; set; }

    /// <summary>
    /// The card as it was read (<see langword="null"/> for a card made here): its other elements are written back by
    /// <see cref="ToXElement"/>. Treat it as read-only.
    /// </summary>
    public XElement? Element { get; private set; }

    /// <summary>Whether the card holds nothing: no modelled field set and no other element read.</summary>
    public bool IsEmpty => !ToXElement().HasElements;

    /// <summary>Reads a <c>&lt;vCard xmlns='vcard-temp'/&gt;</c> (see the remarks for what is skipped).</summary>
    /// <param name="element">The element (copied).</param>
    /// <returns>The card.</returns>
    /// <exception cref="FormatException">The element is not a vcard-temp <c>vCard</c>.</exception>
    public static VCard FromXElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Name != VCardName)
        {
            throw new FormatException($"Expected a vcard-temp vCard, not {element.Name}.");
        }

        var card = new VCard { Element = new XElement(element) };
        card.FullName = Text(element, "FN");
        if (element.Element(Ns + "N") is { } n)
        {
            card.FamilyName = Text(n, "FAMILY");
            card.GivenName = Text(n, "GIVEN");
            card.MiddleName = Text(n, "MIDDLE");
            card.NamePrefix = Text(n, "PREFIX");
            card.NameSuffix = Text(n, "SUFFIX");
        }

        card.Nickname = Text(element, "NICKNAME");
        card.Photo = element.Element(Ns + "PHOTO") is { } photo ? ReadPhoto(photo) : null;
        ReadEntries(element, "EMAIL", "USERID", card.Emails);
        ReadEntries(element, "TEL", "NUMBER", card.Telephones);
        card.Url = Text(element, "URL");
        card.Birthday = Text(element, "BDAY");
        if (element.Element(Ns + "ORG") is { } org)
        {
            card.Organization = Text(org, "ORGNAME");
            foreach (var unit in org.Elements(Ns + "ORGUNIT").Take(MaxEntries))
            {
                if (unit.Value.Length > 0)
                {
                    card.OrganizationUnits.Add(unit.Value);
                }
            }
        }

        card.Title = Text(element, "TITLE");
        card.Role = Text(element, "ROLE");
        card.Note = Text(element, "NOTE");
        card.Description = Text(element, "DESC");
        card.JabberId = Text(element, "JABBERID");
        return card;
    }

    /// <summary>Writes the card: the elements read that it does not model, then the modelled fields that are set.</summary>
    /// <returns>A new <c>&lt;vCard xmlns='vcard-temp'/&gt;</c>.</returns>
    public XElement ToXElement()
    {
        var x = new XElement(VCardName, Element?.Elements().Where(e => !Known.Contains(e.Name)));
        x.Add(Simple("FN", FullName));
        if ((FamilyName ?? GivenName ?? MiddleName ?? NamePrefix ?? NameSuffix) is not null)
        {
            x.Add(new XElement(Ns + "N", Simple("FAMILY", FamilyName), Simple("GIVEN", GivenName), Simple("MIDDLE", MiddleName),
                Simple("PREFIX", NamePrefix), Simple("SUFFIX", NameSuffix)));
        }

        x.Add(Simple("NICKNAME", Nickname));
        if (Photo is { } photo)
        {
            x.Add(photo.ExternalUrl is { } url
                ? new XElement(Ns + "PHOTO", Simple("TYPE", photo.MediaType), new XElement(Ns + "EXTVAL", url.OriginalString))
                : new XElement(Ns + "PHOTO", Simple("TYPE", photo.MediaType), new XElement(Ns + "BINVAL", Convert.ToBase64String(photo.Data.Span))));
        }

        x.Add(Emails.Select(e => Entry("EMAIL", "USERID", e)));
        x.Add(Telephones.Select(t => Entry("TEL", "NUMBER", t)));
        x.Add(Simple("URL", Url), Simple("BDAY", Birthday));
        if (Organization is not null || OrganizationUnits.Count > 0)
        {
            x.Add(new XElement(Ns + "ORG", Simple("ORGNAME", Organization), OrganizationUnits.Select(u => Simple("ORGUNIT", u))));
        }

        x.Add(Simple("TITLE", Title), Simple("ROLE", Role), Simple("NOTE", Note), Simple("DESC", Description), Simple("JABBERID", JabberId));
        return x;
    }

    private static VCardPhoto? ReadPhoto(XElement photo)
    {
        var type = Text(photo, "TYPE");
        if (Text(photo, "BINVAL") is { } binval)
        {
            return DecodeBase64(binval) is { } data ? new VCardPhoto(type ?? "application/octet-stream", data) : null;
        }

        return Text(photo, "EXTVAL") is { } extval && Uri.TryCreate(extval, UriKind.Absolute, out var url) ? new VCardPhoto(url) : null;
    }

    private static void ReadEntries(XElement card, string name, string valueName, IList<VCardEntry> into)
    {
        foreach (var entry in card.Elements(Ns + name).Take(MaxEntries))
        {
            if (Text(entry, valueName) is { } value)
            {
                into.Add(new VCardEntry(value, [.. entry.Elements().Where(e => e.Name.LocalName != valueName && e.Name.Namespace == Ns && !e.HasElements).Select(e => e.Name.LocalName)]));
            }
        }
    }

    private static XElement Entry(string name, string valueName, VCardEntry entry) =>
        new(Ns + name, entry.Types.Select(type => new XElement(Ns + type)), new XElement(Ns + valueName, entry.Value));
}
